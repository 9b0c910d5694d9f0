import { onShutdown } from '@hannun/infra';
import { type Ecosystem, type EcosystemOptions, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { formatServiceTable } from '../ecosystem/service-table.ts';
import { HANNUN_VERSION } from '../version.ts';

export interface Output {
  write(text: string): unknown;
}

/** How long Ctrl-C may take before the process is ended anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * `hannun up`: start every service, print what runs where, and stop them all cleanly on SIGINT/SIGTERM
 * (exit 0; a second Ctrl-C or a stuck service exits 1).
 */
export async function runUp(out: Output = process.stdout, opts: EcosystemOptions = {}): Promise<Ecosystem> {
  const eco = await startEcosystem(opts);
  out.write(formatServiceTable(eco.services, eco.demoFile, HANNUN_VERSION));
  onShutdown(
    eco.services.map((s) => ({ name: s.name, kind: 'server' as const, close: s.stop })),
    { logger: eco.logger, timeoutMs: SHUTDOWN_TIMEOUT_MS },
  );
  return eco;
}
