/** Something to stop when the process ends. */
export interface ShutdownHandler {
  readonly name: string;
  /** Servers stop first (no new requests), then cleanups release what the servers used. */
  readonly kind: 'server' | 'cleanup';
  close(): Promise<void> | void;
}

/** The order of the steps: servers first, then cleanups; each group in reverse registration order. */
export function planShutdown(handlers: readonly ShutdownHandler[]): ShutdownHandler[] {
  const servers = handlers.filter((h) => h.kind === 'server').reverse();
  const cleanups = handlers.filter((h) => h.kind === 'cleanup').reverse();
  return [...servers, ...cleanups];
}

export interface ShutdownReport {
  readonly completed: readonly string[];
  readonly failed: readonly { readonly name: string; readonly error: unknown }[];
}

export interface ShutdownLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Run the steps one after another in {@link planShutdown} order. A failing step is logged and the
 * others still run, so one stuck resource cannot keep the rest open.
 */
export async function runShutdown(handlers: readonly ShutdownHandler[], log?: ShutdownLog): Promise<ShutdownReport> {
  const completed: string[] = [];
  const failed: { name: string; error: unknown }[] = [];
  for (const step of planShutdown(handlers)) {
    try {
      await step.close();
      completed.push(step.name);
      log?.info({ step: step.name, kind: step.kind }, `stopped ${step.name}`);
    } catch (error) {
      failed.push({ name: step.name, error });
      log?.error({ step: step.name, kind: step.kind, err: error }, `could not stop ${step.name} cleanly`);
    }
  }
  return { completed, failed };
}
