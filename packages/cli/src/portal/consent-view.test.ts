import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogSink } from '@hannun/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kstDate, systemClock } from '@hannun/provider';
import type { DemoFile } from '../ecosystem/demo-file.ts';
import { demoPeople } from '../ecosystem/demo-people.ts';
import { freePorts } from '../ecosystem/services.ts';
import { type Ecosystem, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { approveOnCaPageForDemo } from '../operator/approve-on-ca-page.ts';
import { eventually, hiddenFields, WebBrowser } from '../operator/testing/web-browser.ts';

/**
 * Issue #5 item 5, the consolidated consent view: a person confirms who they are at the CA (its identity check,
 * their PIN) and the portal shows, from every operator's 지원-103, their valid consents at scope level.
 */
const sink = createLogSink();
let dir: string;
let eco: Ecosystem;
let demo: DemoFile;
let pages: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-consent-view-'));
  eco = await startEcosystem({ env: { ...freePorts(), HANNUN_DATA_DIR: dir }, logDestination: sink });
  demo = JSON.parse(await readFile(eco.demoFile, 'utf8')) as DemoFile;
  pages = eco.services.find((s) => s.role === 'portal')!.pagesUrl!;
}, 180_000);
afterAll(async () => {
  await eco?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function openForm(b: WebBrowser) {
  const page = await b.get(`${pages}/consents`);
  expect(page.status).toBe(200);
  const body = await page.text();
  expect(body).toContain('<label for="birth_date">');
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  return hiddenFields(body);
}

describe('the portal’s consolidated consent view (지원-103 from every operator)', () => {
  it('AC5: after the CA’s identity check, the connected demo person sees a valid consent at every institution they connected', async () => {
    const person = demo.people.find((p) => p.role === 'connected')!;
    const profile = demoPeople(kstDate(systemClock.nowMs())).find((p) => p.ci === person.ci)!;
    const b = new WebBrowser();
    const form = await openForm(b);
    form.set('name', person.name);
    form.set('birth_date', profile.birthDate);
    form.set('phone', person.providerLogin.phone);
    const started = await b.form(`${pages}/consents`, form);
    expect(started.status).toBe(200);
    const waiting = await started.text();
    const caPage = /href="([^"]+\/identity\/[A-Za-z0-9_-]{40})"/.exec(waiting)?.[1];
    expect(caPage?.startsWith(`${demo.ca!.pagesUrl}/identity/`)).toBe(true);
    // Not confirmed yet: the page says so and checks again.
    const early = await b.get(`${pages}/consents/result`);
    expect(early.headers.get('refresh')).toBe('3');
    expect(await early.text()).toContain('아직 인증기관에서 확인하지 않았습니다');

    await approveOnCaPageForDemo(caPage!.replaceAll('&amp;', '&'), person.caPin);
    const shown = await eventually(async () => {
      const r = await b.get(`${pages}/consents/result`);
      const text = await r.text();
      return r.status === 200 && text.includes('유효한 전송요구') ? text : undefined;
    });
    for (const org of person.institutions) expect(shown, org).toContain(org);
    expect(shown).toContain(`유효한 전송요구 ${person.institutions.length}건`);
    expect(shown).not.toContain(person.ci);
  }, 120_000);

  it('someone the CA does not know, a form without its CSRF cookie, and a result without a visit are refused', async () => {
    const b = new WebBrowser();
    const form = await openForm(b);
    form.set('name', '없는사람');
    form.set('birth_date', '19800101');
    form.set('phone', '010-0000-0000');
    const unknown = await b.form(`${pages}/consents`, form);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('인증기관에 등록된 정보와 일치하지 않습니다');

    const stranger = new WebBrowser();
    const forged = await stranger.form(`${pages}/consents`, form);
    expect(forged.status).toBe(403);

    const malformed = await openForm(b);
    malformed.set('name', '김');
    malformed.set('birth_date', '1980-01-01');
    malformed.set('phone', '010-0000-0000');
    const bad = await b.form(`${pages}/consents`, malformed);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('8자리 숫자');

    const none = await new WebBrowser().get(`${pages}/consents/result`);
    expect(none.status).toBe(303);
    expect(none.headers.get('location')).toBe('/consents');
  });
});
