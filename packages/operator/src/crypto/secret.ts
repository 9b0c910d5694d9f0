import { timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';

const HIDDEN = '[REDACTED]';

/**
 * A value that must never reach a log, an error message or a JSON body by accident (tokens, TOTP secrets,
 * session ids): `String()`, `JSON.stringify()` and `util.inspect()` (which pino and console use) all print
 * `[REDACTED]`. Only `reveal()` gives the value, at the one place that sends it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  /** Compares in constant time with respect to the content (lengths may differ). */
  equals(other: Secret): boolean {
    const a = Buffer.from(this.#value, 'utf8');
    const b = Buffer.from(other.#value, 'utf8');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  toString(): string {
    return HIDDEN;
  }

  toJSON(): string {
    return HIDDEN;
  }

  [inspect.custom](): string {
    return `Secret(${HIDDEN})`;
  }
}
