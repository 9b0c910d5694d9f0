import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { maskCard } from './luhn.ts';
import { REDACTED, scrubText } from './scrub-text.ts';
import { scrubValue } from './scrub-value.ts';
import { SENSITIVE_KEYS, sensitiveKeyMatcher } from './sensitive-keys.ts';
import { serializeError, serializeReply, serializeRequest } from './serializers.ts';

export type Logger = PinoLogger;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** The service name, on every line as `service`. */
  readonly service: string;
  readonly level?: LogLevel;
  readonly version?: string;
  /** Where the JSON lines go; stdout (synchronously) by default. Tests pass a capturing stream. */
  readonly destination?: DestinationStream;
  /** Further field names to redact, on top of the built-in ones. */
  readonly sensitiveKeys?: readonly string[];
}

const isPlainName = (k: string) => /^[A-Za-z_$][\w$]*$/.test(k);
const pathOf = (k: string) => (isPlainName(k) ? k : `["${k}"]`);

/**
 * pino `redact` paths for the known names at the places they usually sit. The scrub pass over each
 * finished line (below) is what catches them at any depth and inside text.
 */
function redactPaths(keys: readonly string[]): string[] {
  const paths: string[] = [];
  for (const key of keys) {
    const p = pathOf(key);
    const member = isPlainName(key) ? `.${key}` : p;
    paths.push(p, `req.headers${member}`, `headers${member}`, `query${member}`, `body${member}`);
    // `code` one level down is also `err.code`, a diagnosis worth keeping; the scrub pass decides there.
    if (key !== 'code') paths.push(`*${member}`);
  }
  return [...new Set(paths)];
}

/**
 * A pino logger writing structured JSON lines with `service`, ISO time and level names. Secrets and
 * personal data are removed twice: pino `redact` paths for known names, then a scrub of every finished
 * line (message, bindings, serialized errors, nested objects) by name (case-insensitive, any depth) and
 * by pattern (tokens, CI, card numbers passing Luhn, phone, resident registration and account numbers).
 */
export function createLogger(opts: LoggerOptions): Logger {
  const isSensitive = sensitiveKeyMatcher(opts.sensitiveKeys);
  const scrubLine = (line: string): string => {
    try {
      return `${JSON.stringify(scrubValue(JSON.parse(line), isSensitive))}\n`;
    } catch {
      return scrubText(line, isSensitive);
    }
  };
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: opts.service, ...(opts.version ? { version: opts.version } : {}), pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { req: serializeRequest, res: serializeReply, err: serializeError },
      redact: {
        paths: redactPaths([...SENSITIVE_KEYS, ...(opts.sensitiveKeys ?? [])]),
        censor: (value: unknown, path: string[]) =>
          isSensitive.isCard(path.at(-1) ?? '') && (typeof value === 'string' || typeof value === 'number')
            ? maskCard(String(value))
            : REDACTED,
      },
      hooks: { streamWrite: scrubLine },
    },
    opts.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
