import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hannun/infra';
import { clientAgent, ensurePki } from '@hannun/pki';
import {
  createRegistryAdmin,
  createSupportApi,
  kstTimestamp,
  manageTokenKey,
  migratePortalStore,
  type PortalDatabase,
  type PortalOrg,
  sqlRegistryRepository,
  sqlStatisticsRepository,
  TIMESTAMP_OVERLAP_MS,
} from '@hannun/portal';
import { getDelta, requestManageToken } from '@hannun/registry';
import { DEFAULT_VERSION_CONFIG, ORGS_RESPONSE } from '@hannun/spec';
import { openStore } from '@hannun/store';
import type { Benchmark, BenchResult } from './bench-types.ts';
import { median } from './measure.ts';
import { type Target, targetNote } from './target-note.ts';

export interface RegistryDeltaOptions {
  /** Organisations registered. */
  readonly orgs: number;
  /** Changes in the log before the participant's last sync (registrations included). */
  readonly changes: number;
  /** Changes after it: what the delta answers. */
  readonly recent: number;
  /** Timed calls of each kind, taking turns; the median counts. */
  readonly rounds: number;
}

export const REGISTRY_DELTA_DEFAULTS: RegistryDeltaOptions = { orgs: 1_000, changes: 10_000, recent: 20, rounds: 9 };

/** Issue #5: a delta sync after 10,000 registry changes takes at most a tenth of a full sync. */
export const DELTA_TARGET: Target = { op: '≤', limit: 0.1 };

/** Calls of one kind in a row within a round. */
const BLOCK = 5;

const PORTAL = { id: 'pthannun01', name: '한눈종합포털', regNo: '2208100103' };
const CALLER = { id: 'mdhannun01', name: '한눈마이데이터', regNo: '2208100101' };

/** The i-th provider of the benchmark's registry, calling from `ips`. */
function provider(i: number, ips: readonly string[] = ['127.0.0.1']): PortalOrg {
  const code = `BK${String(i).padStart(8, '0')}`;
  const regNo = `10${String(i).padStart(8, '0')}`;
  return {
    orgCode: code,
    orgType: '01',
    industry: 'bank',
    name: `벤치은행${i}`,
    orgRegno: regNo,
    serialNum: regNo,
    isRcvOrg: false,
    domain: `https://127.0.0.1:4100/${code}`,
    domainIps: [],
    ips,
    npTimes: ['0000:0600'],
    authType: '03',
  };
}

/**
 * 지원-002 as a participant calls it, over mutual TLS on loopback, against a registry whose change log holds
 * `changes` rows (registrations of `orgs` organisations, then modifications): a full sync
 * (search_timestamp=0, every organisation) against a delta sync (the `recent` changes since the caller's last
 * search_timestamp). Each call is timed whole: the query, the encoding, TLS, and the caller's decoding.
 */
export function registryDeltaBenchmark(opts: Partial<RegistryDeltaOptions> = {}): Benchmark {
  const o = { ...REGISTRY_DELTA_DEFAULTS, ...opts };
  return {
    name: 'registry-delta',
    description: `지원-002 delta sync after ${o.changes.toLocaleString('en')} registry changes against a full sync of ${o.orgs.toLocaleString('en')} organisations (SQLite, mutual TLS)`,
    async run(): Promise<BenchResult> {
      const dir = await mkdtemp(join(tmpdir(), 'hannun-bench-registry-'));
      const logger = createLogger({ service: 'bench-portal', level: 'warn' });
      const store = await openStore<PortalDatabase>({ url: `sqlite:${join(dir, 'hannun.db')}` });
      try {
        const pki = await ensurePki({ dataDir: dir, orgs: [PORTAL, CALLER] });
        await migratePortalStore(store);
        let now = Date.UTC(2026, 0, 5, 1, 0, 0);
        const clock = { nowMs: () => now };
        const repo = sqlRegistryRepository(store, clock);
        const admin = createRegistryAdmin(repo, new Uint8Array(32).fill(1));
        const caller = await admin.onboardOrg({
          orgCode: 'MDHANNUN01',
          orgType: '03',
          name: CALLER.name,
          serialNum: CALLER.regNo,
          ips: ['127.0.0.1'],
        });
        const seedStarted = performance.now();
        for (let i = 0; i < o.orgs; i++) await admin.onboardOrg(provider(i));
        for (let n = o.orgs + 1; n < o.changes; n++) {
          const i = n % o.orgs;
          await repo.modifyOrg(provider(i, ['127.0.0.1', `10.0.${(n >> 8) & 255}.${n & 255}`]));
        }
        const seedMs = performance.now() - seedStarted;
        // The caller synced an hour later; then a few more changes.
        now += 3_600_000;
        const lastSync = kstTimestamp(now - TIMESTAMP_OVERLAP_MS);
        now += 60_000;
        for (let r = 0; r < o.recent; r++) {
          await repo.modifyOrg(provider(r, ['127.0.0.1', '10.9.9.9']));
        }
        now += 60_000;
        const changeCount = await repo.changeCount();

        const api = createSupportApi({
          ctx: {
            orgCode: 'PTHANNUN01',
            registry: repo,
            statistics: sqlStatisticsRepository(store),
            tokenKey: manageTokenKey(pki.org(PORTAL.id).signing!),
            tokenLifetimeSeconds: 3600,
            clock,
            versions: DEFAULT_VERSION_CONFIG,
            transport: { requireMtls: true, allowLoopback: true },
            logger,
          },
          credentials: pki.org(PORTAL.id),
          metrics: false,
        });
        const portalUrl = await api.start({ port: 0 });
        const dispatcher = clientAgent(pki.org(CALLER.id));
        try {
          const call = {
            portalUrl,
            dispatcher,
            credentials: caller.credential,
            orgCode: 'MDHANNUN01',
            tranIdKind: 'M' as const,
          };
          const { accessToken } = await requestManageToken(call, now);
          const sync = async (since: string) => {
            const started = performance.now();
            const answer = await getDelta(call, '지원-002', ORGS_RESPONSE, accessToken, since);
            return { ms: performance.now() - started, entries: answer.body.org_list.length };
          };
          // Warm-up: TLS session, prepared statements, JIT.
          for (let i = 0; i < 2; i++) {
            await sync('0');
            await sync(lastSync);
          }
          const full: number[] = [];
          const delta: number[] = [];
          let fullEntries = 0;
          let deltaEntries = 0;
          // Each round times a block of delta syncs, then a block of full syncs: a full sync leaves ~1 MB of
          // garbage whose collection would otherwise land on the next (delta) call's clock.
          for (let r = 0; r < o.rounds; r++) {
            for (let i = 0; i < BLOCK; i++) {
              const d = await sync(lastSync);
              delta.push(d.ms);
              deltaEntries = d.entries;
            }
            for (let i = 0; i < BLOCK; i++) {
              const f = await sync('0');
              full.push(f.ms);
              fullEntries = f.entries;
            }
          }
          const fullMs = median(full);
          const deltaMs = median(delta);
          const ratio = deltaMs / fullMs;
          return {
            parameters: {
              organisations: o.orgs + 1,
              'changes in the log': changeCount,
              'changes since the last sync': o.recent,
              rounds: o.rounds,
              'calls of each kind per round': BLOCK,
              store: 'SQLite file',
              transport: 'mutual TLS 1.3, loopback',
            },
            measurements: [
              {
                name: 'full sync (search_timestamp=0)',
                value: fullMs,
                unit: 'ms',
                note: `${fullEntries} organisations`,
              },
              {
                name: 'delta sync (since the last search_timestamp)',
                value: deltaMs,
                unit: 'ms',
                note: `${deltaEntries} changed organisations`,
              },
              { name: 'delta / full', value: ratio, unit: 'ratio', note: targetNote(ratio, DELTA_TARGET) },
              {
                name: 'seeding the registry (registrations and modifications)',
                value: seedMs / 1000,
                unit: 's',
                note: `${changeCount} writes, each its own transaction with its log row`,
              },
            ],
          };
        } finally {
          await dispatcher.close();
          await api.stop();
        }
      } finally {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
