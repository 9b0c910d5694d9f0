import { createLogger, describeConfig, type Environment, loadConfig, onShutdown } from '@hannun/infra';
import type { Command } from 'commander';
import { SHARED_SETTINGS } from '../ecosystem/up-config.ts';
import { HANNUN_VERSION } from '../version.ts';
import { type RunningWorker, startWorker } from '../worker/start-worker.ts';
import { WORKER_SETTINGS } from '../worker/worker-settings.ts';
import { SHUTDOWN_TIMEOUT_MS } from './up.ts';

/**
 * `hannun worker`: the operator's collection engine alone, on the shared database; run as many as needed,
 * on any machines (see docs/deployment.md). SIGINT/SIGTERM stop it cleanly: its running jobs go back to the
 * queue at once (a worker that dies instead loses them only until its leases run out, 30 s).
 */
export async function runWorker(env: Environment = process.env): Promise<RunningWorker> {
  const { LOG_LEVEL } = loadConfig({ LOG_LEVEL: SHARED_SETTINGS.LOG_LEVEL }, env);
  const logger = createLogger({ service: 'worker', level: LOG_LEVEL, version: HANNUN_VERSION });
  const worker = await startWorker({ env, logger });
  onShutdown([{ name: 'collection worker', kind: 'server', close: worker.stop }], {
    logger,
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
  });
  return worker;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      '수집 엔진만 실행합니다 (공유 DB의 작업 큐, 여러 대로 확장) / Run the collection engine alone on the shared job table (scale out)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Environment variables / 환경 변수:',
        ...describeConfig(WORKER_SETTINGS),
        '',
        'Needs the operator’s data directory (pki/, ecosystem/credentials.json, operator/keys.json) and, to scale',
        'across machines, HANNUN_DATABASE_URL=postgres://… . Ctrl-C or SIGTERM return its jobs to the queue.',
        '',
        'Example / 예:',
        '  HANNUN_DATABASE_URL=postgres://hannun@db/hannun HANNUN_PORTAL_URL=https://portal:4000 hannun worker',
      ].join('\n'),
    )
    .action(async () => {
      await runWorker();
    });
}
