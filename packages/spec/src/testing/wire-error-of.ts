import { WireError } from '../wire/wire-error.ts';

/** Run `fn` and return the WireError it throws; fail if it throws something else or accepts the input. */
export function wireErrorOf(fn: () => unknown): WireError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WireError) return e;
    throw e;
  }
  throw new Error('expected a WireError, but the input was accepted');
}
