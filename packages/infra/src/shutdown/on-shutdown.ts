import closeWithGrace from 'close-with-grace';
import type { Logger } from '../logging/create-logger.ts';
import { runShutdown, type ShutdownHandler } from './plan-shutdown.ts';

export interface ShutdownOptions {
  /** After this long the process exits 1 even if steps are still running. Default 10 000 ms. */
  readonly timeoutMs?: number;
  readonly logger: Logger;
}

export interface ShutdownHook {
  /** Start the shutdown now, as a signal would. */
  close(): void;
  /** Remove the signal listeners (the process then ends as Node would by default). */
  uninstall(): void;
}

/**
 * On SIGINT or SIGTERM (or an uncaught error): stop the servers, run the cleanups in reverse order, log,
 * and exit 0 (1 after an uncaught error or a failed step). A second signal, or the timeout, exits 1 at
 * once. `handlers` is read when the shutdown starts, so handlers pushed after this call are included.
 */
export function onShutdown(handlers: readonly ShutdownHandler[], opts: ShutdownOptions): ShutdownHook {
  const { logger } = opts;
  return closeWithGrace(
    {
      delay: opts.timeoutMs ?? 10_000,
      skip: ['beforeExit'],
      logger: { error: (msg: unknown) => logger.error({ detail: msg }, 'shutdown problem') },
      onSecondSignal: (signal) => logger.error({ signal }, `second ${signal}: exiting now`),
      onSecondError: (error) => logger.fatal({ err: error }, 'another error while shutting down: exiting now'),
      onTimeout: (delay) => logger.error({ timeoutMs: delay }, `shutdown took longer than ${delay} ms: exiting now`),
    },
    async ({ signal, err, manual }) => {
      if (err) logger.fatal({ err }, 'uncaught error: shutting down');
      else logger.info({ signal: signal ?? (manual ? 'manual' : 'exit') }, 'shutting down');
      const report = await runShutdown(handlers, logger);
      logger.info(
        { completed: report.completed.length, failed: report.failed.map((f) => f.name) },
        'shutdown complete',
      );
      if (report.failed.length > 0) throw new Error(`could not stop: ${report.failed.map((f) => f.name).join(', ')}`);
    },
  );
}
