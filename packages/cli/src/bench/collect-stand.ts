// The operator's side of the collection scale benchmarks: a store on SQLite or PostgreSQL, the domain on a
// clock the benchmark moves with the provider's, and people connected to their institutions the way the
// operator does it (sign-up, a consent per institution, the provider's tokens in the vault, activation).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createOperatorDomain,
  generateKeyRing,
  migrateOperatorStore,
  type OperatorDatabase,
  type OperatorDomain,
  prepareOperatorStore,
} from '@hannun/operator';
import type { Registry } from '@hannun/registry';
import { INDUSTRY_SCOPES, type Industry, listScope } from '@hannun/spec';
import { openStore, type Store, sql } from '@hannun/store';
import type { BenchChild } from './bench-child.ts';
import { COLLECT_CLIENT_ID, COLLECT_OPERATOR_ORG, type ProviderCpu } from './collect-consent-protocol.ts';
import type { ScaleGrantReply, ScaleGrantRequest, ScaleProviderReady, StandPerson } from './collect-scale-protocol.ts';

/** Where the benchmarks find PostgreSQL (a schema of their own, dropped after). */
export const BENCH_PG_URL = process.env.HANNUN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type StandDialect = 'sqlite' | 'postgres';

export interface OperatorStand {
  readonly store: Store<OperatorDatabase>;
  readonly domain: OperatorDomain;
  /** The operator's clock (the provider's is moved with `setNow`). */
  now: number;
  close(): Promise<void>;
}

/** A fresh operator database (a temporary SQLite file, or a new PostgreSQL schema), migrated. */
export async function openStand(dialect: StandDialect, registry: Registry, now: number): Promise<OperatorStand> {
  const dir = dialect === 'sqlite' ? await mkdtemp(join(tmpdir(), 'hannun-collect-scale-')) : undefined;
  const schema = `bench_collect_${randomBytes(5).toString('hex')}`;
  const store = await openStore<OperatorDatabase>(
    dir ? { url: `sqlite:${join(dir, 'operator.db')}` } : { url: BENCH_PG_URL, schema },
  );
  await prepareOperatorStore(store);
  await migrateOperatorStore(store);
  const clock = { now };
  const domain = createOperatorDomain({
    store,
    keyRing: generateKeyRing(),
    clock: { nowMs: () => clock.now },
    registry,
    recipient: { orgCode: COLLECT_OPERATOR_ORG, clientId: COLLECT_CLIENT_ID },
  });
  return {
    store,
    domain,
    get now() {
      return clock.now;
    },
    set now(ms: number) {
      clock.now = ms;
    },
    async close() {
      if (!dir) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

const scopesOf = (industry: Industry) => INDUSTRY_SCOPES[industry].filter((s) => s !== listScope(industry));

/**
 * Signs the people up and connects each to their institutions: one consent per institution (every scope,
 * all assets, weekly), the provider's tokens (one batch over IPC), activated. Returns the person ids.
 */
export async function connectPeople(
  stand: OperatorStand,
  child: BenchChild,
  ready: ScaleProviderReady,
  people: readonly StandPerson[],
): Promise<string[]> {
  const { domain } = stand;
  const industryOf = new Map(ready.institutions.map((i) => [i.orgCode, i.industry]));
  const endDate = new Date(stand.now + 300 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const pending: { personId: string; consentId: string; ci: string; orgCode: string; scopes: string[] }[] = [];
  const ids: string[] = [];
  for (const [i, p] of people.entries()) {
    const { personId } = await domain.people.signUp({
      ci: p.ci,
      name: '김벤치',
      birthDate: '19800101',
      loginName: `scale${i}${randomBytes(2).toString('hex')}`,
      password: 'correct horse battery',
    });
    ids.push(personId);
    for (const orgCode of p.orgs) {
      const scopes = scopesOf(industryOf.get(orgCode)!);
      const c = await domain.consents.propose(personId, {
        orgCode,
        authPath: 'integrated',
        scopes,
        target: 'all',
        assets: [],
        isScheduled: true,
        fndCycle: '1/w',
        addCycle: '1/w',
        endDate,
        purpose: '자산 통합조회 및 분석',
        period: '서비스 탈퇴 시까지',
        flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
      });
      pending.push({ personId, consentId: c.id, ci: p.ci, orgCode, scopes });
    }
  }
  child.send({
    type: 'grant',
    grants: pending.map(({ ci, orgCode, scopes }) => ({ ci, orgCode, scopes })),
  } satisfies ScaleGrantRequest);
  const { tokens } = await child.next<ScaleGrantReply>('granted', 300_000);
  for (const [i, p] of pending.entries()) {
    const t = tokens[i]!;
    await domain.vault.put(p.personId, {
      clientId: COLLECT_CLIENT_ID,
      orgCode: p.orgCode,
      consentId: p.consentId,
      accessToken: t.accessToken,
      accessExpiresAt: t.accessExpiresAt,
      scope: t.scope,
    });
    await domain.consents.activate(p.personId, p.consentId);
  }
  return ids;
}

/** Moves the provider's clock (and waits until it has). */
export async function setProviderClock(child: BenchChild, now: number): Promise<void> {
  child.send({ type: 'clock', now });
  await child.next('clocked', 10_000);
}

/** The provider process's CPU time so far, in ms. */
export async function providerCpuMs(child: BenchChild): Promise<number> {
  child.send({ type: 'cpu' });
  const c = await child.next<ProviderCpu>('cpu', 5_000);
  return (c.user + c.system) / 1000;
}
