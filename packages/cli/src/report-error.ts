import { ConfigError } from '@hannun/infra';
import { UserError } from './user-error.ts';

export interface ErrorOutput {
  write(text: string): unknown;
}

/**
 * Print an error the way a person can act on: the message alone for configuration and user errors,
 * a short note for anything else (the stack only with HANNUN_DEBUG=1). Returns the exit code.
 */
export function reportError(error: unknown, err: ErrorOutput = process.stderr, env = process.env): number {
  if (error instanceof ConfigError) {
    err.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof UserError) {
    err.write(`${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  err.write(`hannun: unexpected error: ${message}\n`);
  if (env['HANNUN_DEBUG'] === '1' && error instanceof Error && error.stack) err.write(`${error.stack}\n`);
  else err.write('(set HANNUN_DEBUG=1 to see the stack trace)\n');
  return 1;
}
