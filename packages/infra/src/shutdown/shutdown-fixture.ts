// A process for on-shutdown.test.ts: registers steps with onShutdown and waits for a signal.
// SHUTDOWN_MODE=hang adds a cleanup that never finishes; SHUTDOWN_TIMEOUT_MS sets the timeout.
import { createLogger } from '../logging/create-logger.ts';
import { onShutdown } from './on-shutdown.ts';
import type { ShutdownHandler } from './plan-shutdown.ts';

const logger = createLogger({ service: 'shutdown-fixture', level: 'info' });
const step = (name: string, kind: ShutdownHandler['kind'], hang = false): ShutdownHandler => ({
  name,
  kind,
  close: () => new Promise<void>((resolve) => (hang ? undefined : setTimeout(resolve, 5))),
});
const handlers = [step('database', 'cleanup'), step('docs', 'server'), step('queue', 'cleanup'), step('api', 'server')];
if (process.env.SHUTDOWN_MODE === 'hang') handlers.push(step('stuck', 'cleanup', true));
onShutdown(handlers, { logger, timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 5000) });
setInterval(() => {}, 60_000);
logger.info('ready');
