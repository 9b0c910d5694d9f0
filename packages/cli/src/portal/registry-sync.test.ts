import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogSink } from '@hannun/infra';
import { clientAgent } from '@hannun/pki';
import { apiById, apiPath, generateTranId } from '@hannun/spec';
import { type Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import { type Ecosystem, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { caService } from '../ca/ca-service.ts';
import { providerService } from '../provider/provider-service.ts';
import { type PortalAdminClient, portalAdminClient } from './portal-admin-client.ts';
import { portalService } from './portal-service.ts';

const INTERVAL_MS = 400;
/** What one sync round may take on a loaded 2-core machine, beyond the interval. */
const ROUND_SLACK_MS = 1500;
const HOOKS_TOKEN = 'registry-sync-hooks-0123456789';
const ACCOUNTS = apiPath(apiById('은행-001'), { version: 'v2' });

/**
 * The portal and the provider engine as `hannun up` runs them, syncing every 400 ms, with the provider's test
 * hooks (fault injection) and a fast status poll.
 */
describe('participants sync from the portal (issue #5 item 3) and the portal polls providers (item 4)', () => {
  let dir: string;
  let eco: Ecosystem;
  let admin: PortalAdminClient;
  let operator: Agent;
  const url = (name: string) => eco.services.find((s) => s.name === name)!.url;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-sync-'));
    eco = await startEcosystem({
      env: {
        PORTAL_PORT: '0',
        CA_PORT: '0',
        PROVIDER_PORT: '0',
        HANNUN_DATA_DIR: dir,
        REGISTRY_SYNC_INTERVAL_MS: String(INTERVAL_MS),
        PORTAL_STATUS_INTERVAL_MS: '300',
        PROVIDER_TEST_HOOKS_TOKEN: HOOKS_TOKEN,
      },
      services: [portalService, caService, providerService],
      logDestination: createLogSink(),
    });
    admin = (await portalAdminClient(dir))!;
    operator = clientAgent(eco.trust.pki.org(HANNUN_OPERATOR.pkiId));
  });
  afterAll(async () => {
    await operator.close();
    await eco.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** 은행-001 at 누리은행 as the operator, without a token: 40101 means mutual TLS and the registry let it in. */
  async function operatorCall(): Promise<string> {
    const res = await fetch(`${url('provider')}/BKNURI0001${ACCOUNTS}?org_code=BKNURI0001&limit=10`, {
      dispatcher: operator,
      headers: { 'x-api-tran-id': generateTranId('MDHANNUN01', 'M'), 'x-api-type': 'user-search' },
    });
    return ((await res.json()) as { rsp_code: string }).rsp_code;
  }

  /** 통합인증-101 at the CA as the operator, with its own credential: the token's HTTP status and error. */
  async function caToken(): Promise<string> {
    const own = eco.trust.credentials.orgs.get(HANNUN_OPERATOR.orgCode)!;
    const res = await fetch(new URL(apiById('통합인증-101').resource, url('ca')), {
      method: 'POST',
      dispatcher: operator,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-api-tran-id': generateTranId('MDHANNUN01', 'M'),
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: own.clientId,
        client_secret: own.clientSecret,
        scope: 'ca',
      }).toString(),
    });
    const body = (await res.json()) as { error?: string };
    return `${res.status}${body.error ? ` ${body.error}` : ''}`;
  }

  /** How long until the operator's call answers `code`, polling every 50 ms (up to 10 s). */
  async function msUntil(code: string): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < 10_000) {
      if ((await operatorCall()) === code) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the provider never answered ${code}`);
  }

  it('hannun up registers where the institutions answer: their domains at the portal are the engine’s base URLs', async () => {
    const bank = await admin.call('GET', '/admin/orgs/BKNURI0001');
    expect(bank.domain).toBe(`${url('provider')}/BKNURI0001`);
    expect(await operatorCall()).toBe('40101');
  });

  it('AC: an organisation whose certificate serial changes at the portal is refused by the provider (40103) within one interval', async () => {
    await admin.call('PATCH', '/admin/orgs/MDHANNUN01', { serial_num: '2208100999' });
    expect(await msUntil('40103')).toBeLessThanOrEqual(INTERVAL_MS + ROUND_SLACK_MS);
    await admin.call('PATCH', '/admin/orgs/MDHANNUN01', { serial_num: HANNUN_OPERATOR.regNo });
    expect(await msUntil('40101')).toBeLessThanOrEqual(INTERVAL_MS + ROUND_SLACK_MS);
  });

  it('지원-102: the portal shows each provider normal, maintenance inside a window set by the test hooks, failure under faults', async () => {
    const statusOf = async (org: string) => {
      const list = (await admin.call('GET', '/admin/status')).status_list as {
        org_code: string;
        availability: string;
      }[];
      return list.find((s) => s.org_code === org)?.availability;
    };
    const until = async (org: string, availability: string) => {
      const started = performance.now();
      while (performance.now() - started < 10_000) {
        if ((await statusOf(org)) === availability) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${org} never became ${availability}: ${await statusOf(org)}`);
    };
    await until('BKNURI0001', '01');
    const faults = (org: string, body: unknown) =>
      fetch(`${url('provider')}/_test/faults/${org}`, {
        method: body === null ? 'DELETE' : 'PUT',
        dispatcher: operator, // the engine speaks mutual TLS only: any root-issued certificate reaches the hooks
        headers: {
          authorization: `Bearer ${HOOKS_TOKEN}`,
          ...(body === null ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === null ? {} : { body: JSON.stringify(body) }),
      });
    // A maintenance window around now (Korean time), in 30-minute steps.
    const kst = new Date(Date.now() + 9 * 3600_000);
    const start = kst.getUTCHours() * 60 + (kst.getUTCMinutes() >= 30 ? 30 : 0);
    const hhmm = (m: number) =>
      `${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
    expect((await faults('BKGARAM001', { maintenance: [`${hhmm(start)}:${hhmm(start + 60)}`] })).status).toBe(200);
    expect((await faults('CDNURI0001', { rspCode: '50001' })).status).toBe(200);
    await until('BKGARAM001', '03');
    await until('CDNURI0001', '02');
    expect(await statusOf('BKNURI0001')).toBe('01');
    expect((await faults('CDNURI0001', null)).status).toBe(200);
    await until('CDNURI0001', '01');
  });

  it('AC: an organisation removed at the portal is refused by the provider (40103) and by the CA within one interval', async () => {
    expect(await operatorCall()).toBe('40101');
    expect(await caToken()).toBe('200');
    await admin.call('DELETE', '/admin/orgs/MDHANNUN01');
    const removed = performance.now();
    expect(await msUntil('40103')).toBeLessThanOrEqual(INTERVAL_MS + ROUND_SLACK_MS);
    let refused = await caToken();
    while (refused === '200' && performance.now() - removed < 10_000) {
      await new Promise((r) => setTimeout(r, 50));
      refused = await caToken();
    }
    expect(refused).not.toBe('200');
    expect(performance.now() - removed).toBeLessThanOrEqual(INTERVAL_MS + 2 * ROUND_SLACK_MS);
  });
});
