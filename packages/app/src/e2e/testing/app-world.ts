import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoFile, type Ecosystem, freePorts, startEcosystem } from '@hannun/cli';
import { createLogSink } from '@hannun/infra';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureAppBuilt } from '../../build/ensure-app-built.ts';
import { seriousViolations } from './axe.ts';
import { screenshot } from './artefacts.ts';
import { launchChromium } from './chromium.ts';

/** One real ecosystem (portal, CA, providers, operator serving the built app) and one Chromium, per test file. */
export interface AppWorld {
  readonly eco: Ecosystem;
  readonly demo: DemoFile;
  /** The operator's app: http://127.0.0.1:<port>. */
  readonly appUrl: string;
  readonly browser: Browser;
  newPage(o?: { readonly phone?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startAppWorld(env: Record<string, string> = {}): Promise<AppWorld> {
  await ensureAppBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'hannun-app-e2e-'));
  const eco = await startEcosystem({
    env: { ...freePorts(), HANNUN_DATA_DIR: dir, ...env },
    logDestination: createLogSink(),
  });
  const demo = JSON.parse(await readFile(eco.demoFile, 'utf8')) as DemoFile;
  const appUrl = eco.services.find((s) => s.role === 'operator')!.url;
  const browser = await launchChromium();
  return {
    eco,
    demo,
    appUrl,
    browser,
    async newPage(o = {}) {
      const context = await browser.newContext({
        baseURL: appUrl,
        bypassCSP: true,
        locale: 'ko-KR',
        ...(o.phone
          ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
          : { viewport: { width: 1280, height: 900 } }),
      });
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await eco.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every page a test visits: no serious or critical axe violation, and a screenshot as an artefact. */
export async function checkPage(page: Page, suite: string, name: string): Promise<void> {
  await page.locator('main h1').first().waitFor();
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  await screenshot(page, suite, name);
}
