// The CA child of the integrated-auth benchmark: the CA wired as `hannun up` wires it (통합인증-101…104 over mutual
// TLS 1.3, the approval page over HTTP, state in SQLite under the data directory), with the run's people enrolled.
import { join } from 'node:path';
import { createCaService, ensureCaSecrets, openSqlCaRepository } from '@hannun/ca';
import { HANNUN_CA } from '../ecosystem/demo-organisations.ts';
import { runAsBenchChild, tellParent } from './bench-child.ts';
import { serveProfiles } from './bench-profiler.ts';
import type { CaReady, ChildStats } from './integrated-auth-protocol.ts';
import { benchLogger, loadBenchTrust, pkiOf } from './integrated-auth-trust.ts';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: integrated-auth-ca.ts <data dir>');
  const logger = benchLogger('ca');
  const trust = await loadBenchTrust(dataDir);
  const { secrets } = await ensureCaSecrets({ dataDir });
  const repository = await openSqlCaRepository({
    url: `sqlite:${join(dataDir, 'ca.db')}`,
    storageKey: secrets.storageKey,
    logger,
  });
  const ca = createCaService({
    orgCode: HANNUN_CA.orgCode,
    credentials: pkiOf(trust, HANNUN_CA.orgCode),
    registry: trust.registry,
    repository,
    secrets,
    requireMtls: true,
    allowLoopback: true,
    logger,
    serviceName: 'ca',
  });
  const started = performance.now();
  for (const person of trust.people) await ca.controls.enrol(person);
  const enrolMs = performance.now() - started;
  const apiUrl = await ca.api.start({ host: '127.0.0.1', port: 0 });
  const pagesUrl = await ca.pages.start({ host: '127.0.0.1', port: 0 });

  process.on('message', (m: { type?: unknown }) => {
    if (m.type === 'stats') {
      const { user, system } = process.cpuUsage();
      void tellParent({ type: 'stats', user, system } satisfies ChildStats);
    }
  });
  serveProfiles();
  process.on('SIGTERM', () => {
    void Promise.allSettled([ca.pages.stop(), ca.api.stop()])
      .then(() => repository.close())
      .finally(() => process.exit(0));
  });
  await tellParent({ type: 'ready', apiUrl, pagesUrl, caCode: ca.controls.caCode, enrolMs } satisfies CaReady);
}

runAsBenchChild(main);
