import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A child sent nothing of the awaited type in time (it may still be working). */
export class ChildTimeoutError extends Error {
  override readonly name = 'ChildTimeoutError';
}

/** A message between a benchmark and its child process: a `type` and whatever that type carries. */
export interface ChildMessage {
  readonly type: string;
}

/** A benchmark's child process: its own event loop and heap, so it shares neither with the parent. */
export interface BenchChild {
  readonly pid: number | undefined;
  /** Resolves with the next message of this type; rejects on an `error` message, an exit or the timeout. */
  next<T extends ChildMessage>(type: T['type'], timeoutMs: number): Promise<T>;
  send<T extends ChildMessage>(message: T): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. Safe to call twice. */
  kill(graceMs?: number): Promise<void>;
}

export interface ForkOptions {
  /** Node options besides the TypeScript loader (`--expose-gc` …). */
  readonly execArgv?: readonly string[];
  /** The child's `process.argv.slice(2)`. */
  readonly args?: readonly string[];
}

/**
 * Start `script` (a TypeScript module beside this one) in a child process with the tsx loader and an IPC
 * channel. The child should exit when the channel closes (`process.on('disconnect', …)`), so it cannot
 * outlive a parent that dies; the parent should still `kill()` it in a `finally`.
 */
export function forkBenchChild(script: URL, opts: ForkOptions = {}): BenchChild {
  const child = fork(fileURLToPath(script), [...(opts.args ?? [])], {
    execArgv: ['--import', import.meta.resolve('tsx'), ...(opts.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: ChildMessage[] = [];
  const waiters = new Set<() => void>();
  let ended: Error | undefined;
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  child.on('message', (m: unknown) => {
    if (typeof m === 'object' && m !== null && typeof (m as ChildMessage).type === 'string') {
      inbox.push(m as ChildMessage);
      wake();
    }
  });
  child.on('error', (error) => {
    ended ??= error;
    wake();
  });
  child.on('exit', (code, signal) => {
    ended ??= new Error(`benchmark child exited (${signal ?? `code ${code}`})`);
    wake();
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

  return {
    pid: child.pid,
    next<T extends ChildMessage>(type: T['type'], timeoutMs: number): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const check = () => {
          const i = inbox.findIndex((m) => m.type === type || m.type === 'error');
          if (i >= 0) {
            const [m] = inbox.splice(i, 1);
            done();
            if (m!.type === 'error')
              reject(new Error(`benchmark child failed: ${(m as { message?: string }).message}`));
            else resolve(m as T);
          } else if (ended) {
            done();
            reject(ended);
          }
        };
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        timer = setTimeout(() => {
          done();
          reject(new ChildTimeoutError(`benchmark child sent no '${type}' within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    send(message) {
      if (child.connected) child.send(message);
    },
    async kill(graceMs = 2000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** In a child: send a message to the parent (and wait until it is handed to the channel). */
export function tellParent<T extends ChildMessage>(message: T): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('not started by forkBenchChild: no IPC channel'));
      return;
    }
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** In a child: exit when the parent goes away, and report a failure to it before exiting. */
export function runAsBenchChild(main: () => Promise<void>): void {
  process.on('disconnect', () => process.exit(0));
  main().catch(async (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await tellParent({ type: 'error', message }).catch(() => {});
    process.exit(1);
  });
}
