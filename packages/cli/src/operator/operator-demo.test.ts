import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogSink } from '@hannun/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoFile } from '../ecosystem/demo-file.ts';
import { freePorts } from '../ecosystem/services.ts';
import { type Ecosystem, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { eventually, WebBrowser } from './testing/web-browser.ts';

/**
 * Issue #6 item 11, the demo: on the first start of `hannun up`, the connected demo person is signed up (the
 * CA's identity check) and connected to every institution holding their products through one real 통합인증
 * approval, and collection starts; the newcomer is signed up, unconnected. A restart changes nothing.
 */
const sink = createLogSink();
let dir: string;
let eco: Ecosystem | undefined;
let demo: DemoFile;

const start = async () => {
  eco = await startEcosystem({ env: { ...freePorts(), HANNUN_DATA_DIR: dir }, logDestination: sink });
  demo = JSON.parse(await readFile(eco.demoFile, 'utf8')) as DemoFile;
  return eco.services.find((s) => s.role === 'operator')!.url;
};

async function logIn(app: string, role: 'connected' | 'newcomer') {
  const p = demo.people.find((x) => x.role === role)!;
  const b = new WebBrowser();
  const r = await b.post(`${app}/api/login`, { loginName: p.login, password: p.password });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { b, p };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-demo-'));
});
afterAll(async () => {
  await eco?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the demo (hannun up, first start)', () => {
  it('AC11: the connected person logs in with demo.json’s login and has an active, CA-signed consent at every institution holding their products; data arrives', async () => {
    const app = await start();
    const { b, p } = await logIn(app, 'connected');
    expect(p.institutions.length).toBeGreaterThanOrEqual(5);
    const consents = (await b.json(`${app}/api/consents`)).body.consents as {
      orgCode: string;
      status: string;
      signed: boolean;
      authPath: string;
    }[];
    expect(consents.map((c) => c.orgCode).sort()).toEqual([...p.institutions].sort());
    for (const c of consents)
      expect(c, c.orgCode).toMatchObject({ status: 'active', signed: true, authPath: 'integrated' });
    const started = Date.now();
    const assets = await eventually(
      async () => {
        const a = (await b.json(`${app}/api/assets`)).body.assets as { orgCode: string }[];
        const orgs = new Set(a.map((x) => x.orgCode));
        return orgs.size === p.institutions.length ? a : undefined;
      },
      120_000,
      'assets from every connected institution',
    );
    expect(assets.every((a) => p.institutions.includes(a.orgCode))).toBe(true);
    console.info(
      `demo: ${new Set(assets.map((a) => a.orgCode)).size} institutions had assets after ${Date.now() - started} ms`,
    );
  }, 180_000);

  it('AC11: the newcomer is signed up but connected nowhere, to try the flow', async () => {
    const app = eco!.services.find((s) => s.role === 'operator')!.url;
    const { b } = await logIn(app, 'newcomer');
    expect((await b.json(`${app}/api/consents`)).body.consents).toEqual([]);
    const sectors = (await b.json(`${app}/api/institutions`)).body.sectors as {
      institutions: { consent: unknown }[];
    }[];
    expect(sectors.flatMap((s) => s.institutions).every((i) => i.consent === null)).toBe(true);
  });

  it('a restart keeps the demo logins and connects nobody again', async () => {
    const before = demo.people.map((p) => [p.login, p.password]);
    const app = eco!.services.find((s) => s.role === 'operator')!.url;
    const { b } = await logIn(app, 'connected');
    const versions = ((await b.json(`${app}/api/consents`)).body.consents as { id: string }[]).map((c) => c.id).sort();
    await eco!.stop();
    eco = undefined;
    const again = await start();
    expect(demo.people.map((p) => [p.login, p.password])).toEqual(before);
    const second = await logIn(again, 'connected');
    const after = ((await second.b.json(`${again}/api/consents`)).body.consents as { id: string }[])
      .map((c) => c.id)
      .sort();
    expect(after).toEqual(versions);
  }, 120_000);
});
