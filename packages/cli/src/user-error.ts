/**
 * An error meant for the person at the terminal: `hannun` prints its message (no stack) and exits with
 * its code. Anything else is a bug and says so.
 */
export class UserError extends Error {
  override readonly name = 'UserError';

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
