import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLogSink } from '@hannun/infra';
import { createOperatorDomain, JobStore, loadKeyRing, openOperatorStore } from '@hannun/operator';
import { INDUSTRY_SCOPES, listScope } from '@hannun/spec';
import { storeUrlFor } from '@hannun/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caService } from '../ca/ca-service.ts';
import { HANNUN_APP, HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import { freePorts } from '../ecosystem/services.ts';
import { type Ecosystem, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { portalService } from '../portal/portal-service.ts';
import { providerService } from '../provider/provider-service.ts';
import { UserError } from '../user-error.ts';
import { startWorker, WorkerSetupError } from './start-worker.ts';

/**
 * `hannun worker` (issue #6 item 10): the collection engine alone, configured from the operator's data
 * directory. Here with the portal, the CA and the providers of a `hannun up` run and no operator service:
 * the worker follows the portal's registry over mutual TLS, opens the shared database with the operator's
 * key ring, and runs the job it finds there.
 */
const sink = createLogSink();
const logger = createLogger({ service: 'worker-test', destination: sink, level: 'warn' });
let dir: string;
let eco: Ecosystem | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-worker-'));
});
afterAll(async () => {
  await eco?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('hannun worker', () => {
  it('refuses to start without the operator’s PKI, naming what to copy', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'hannun-worker-empty-'));
    try {
      const error = await startWorker({ env: { HANNUN_DATA_DIR: empty }, logger }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkerSetupError);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(/no usable root CA .*Copy the operator's data directory/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('follows the portal, shares the job table and the key ring, and runs the jobs it finds; never makes keys of its own', async () => {
    eco = await startEcosystem({
      env: { ...freePorts(), HANNUN_DATA_DIR: dir },
      services: [portalService, caService, providerService],
      logDestination: sink,
    });
    const env = { HANNUN_DATA_DIR: dir };
    // No key ring yet: a worker with keys of its own would seal what no other process can open.
    await expect(startWorker({ env, logger })).rejects.toThrow(
      /no operator key ring: set HANNUN_OPERATOR_KEYS or copy/,
    );

    // The operator's side: its key ring, a person with an active consent at a bank, and a job in the queue.
    const { ring } = await loadKeyRing({ dataDir: dir, env: {} });
    const store = await openOperatorStore({ url: storeUrlFor(dir, {}) });
    const app = eco.trust.credentials.services.get(HANNUN_APP.key)!;
    const domain = createOperatorDomain({
      store,
      keyRing: ring,
      registry: eco.trust.registry,
      recipient: { orgCode: HANNUN_OPERATOR.orgCode, clientId: app.clientId },
    });
    const { personId } = await domain.people.signUp({
      ci: 'W'.repeat(88),
      name: '김워커',
      birthDate: '19800101',
      loginName: 'workerperson',
      password: 'correct horse battery',
    });
    const consent = await domain.consents.propose(personId, {
      orgCode: 'BKNURI0001',
      authPath: 'integrated',
      scopes: INDUSTRY_SCOPES.bank.filter((s) => s !== listScope('bank')),
      target: 'all',
      assets: [],
      isScheduled: true,
      fndCycle: '1/w',
      addCycle: '1/w',
      endDate: new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', ''),
      purpose: '자산 통합조회 및 분석',
      period: '서비스 탈퇴 시까지',
      flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    });
    await domain.consents.activate(personId, consent.id);
    const jobs = new JobStore(store);
    const { job } = await jobs.enqueue({
      personId,
      orgCode: 'BKNURI0001',
      consentId: consent.id,
      apiType: 'user-consent',
      notBefore: 0,
      now: Date.now(),
    });

    const worker = await startWorker({ env, logger });
    try {
      expect(worker.workerId).toMatch(/-\d+-[0-9a-f]{8}$/);
      // The worker claimed it, opened the sealed consent with the shared keys, found the bank's address in the
      // registry it follows, and stopped at the token the person never gave (no 통합인증 in this test).
      const deadline = Date.now() + 20_000;
      let seen = await jobs.get(job.id);
      while (seen?.status !== 'failed' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        seen = await jobs.get(job.id);
      }
      expect([seen?.status, seen?.failure?.code, seen?.attempts]).toEqual(['failed', 'no-token', 1]);
    } finally {
      await worker.stop();
      await store.close();
    }
  }, 120_000);
});
