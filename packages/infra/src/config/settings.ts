import { resolve } from 'node:path';

export type SettingKind = 'string' | 'int' | 'port' | 'url' | 'enum' | 'boolean' | 'path';

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rule: string };

/** One environment variable: how to read it, what it means and what it accepts. */
export interface Setting<T, Present extends boolean = boolean> {
  readonly kind: SettingKind;
  readonly description: string;
  /** Never print the value (passwords, keys, URLs with credentials). */
  readonly secret: boolean;
  readonly default: T | undefined;
  readonly optional: boolean;
  /** What a valid value looks like, in words a person can act on. */
  readonly accepted: string;
  parse(raw: string): ParseResult<T>;
  /** Type-level only: whether the loaded value is always present. */
  readonly __present?: Present;
}

export interface SettingOptions<T> {
  readonly description: string;
  readonly default?: T;
  /** Unset is allowed and gives `undefined` (ignored when there is a default). */
  readonly optional?: boolean;
  readonly secret?: boolean;
}

type PresentOf<O> = O extends { default: NonNullable<unknown> } ? true : O extends { optional: true } ? false : true;

function make<T, O extends SettingOptions<T>>(
  kind: SettingKind,
  opts: O,
  accepted: string,
  parse: (raw: string) => ParseResult<T>,
): Setting<T, PresentOf<O>> {
  return {
    kind,
    description: opts.description,
    secret: opts.secret ?? false,
    default: opts.default,
    optional: opts.optional ?? false,
    accepted,
    parse,
  };
}

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = (rule: string): ParseResult<never> => ({ ok: false, rule });

function parseInt10(raw: string, min: number, max: number): ParseResult<number> {
  if (!/^[+-]?\d+$/.test(raw.trim())) return fail('is not a whole number');
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n)) return fail('is too large');
  if (n < min) return fail(`is below the minimum ${min}`);
  if (n > max) return fail(`is above the maximum ${max}`);
  return ok(n);
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

/** Builders for the settings of a {@link loadConfig} schema. */
export const setting = {
  string<const O extends SettingOptions<string> & { minLength?: number; pattern?: RegExp; patternHint?: string }>(
    opts: O,
  ) {
    const min = opts.minLength ?? 1;
    const accepted = opts.pattern
      ? (opts.patternHint ?? `text matching ${opts.pattern}`)
      : `text of at least ${min} character(s)`;
    return make<string, O>('string', opts, accepted, (raw) => {
      if (raw.length < min) return fail(`is shorter than ${min} character(s)`);
      if (opts.pattern && !opts.pattern.test(raw)) return fail('does not have the expected form');
      return ok(raw);
    });
  },

  int<const O extends SettingOptions<number> & { min?: number; max?: number }>(opts: O) {
    const min = opts.min ?? Number.MIN_SAFE_INTEGER;
    const max = opts.max ?? Number.MAX_SAFE_INTEGER;
    const range =
      opts.min !== undefined && opts.max !== undefined
        ? ` from ${min} to ${max}`
        : opts.min !== undefined
          ? ` of at least ${min}`
          : opts.max !== undefined
            ? ` of at most ${max}`
            : '';
    return make<number, O>('int', opts, `a whole number${range}`, (raw) => parseInt10(raw, min, max));
  },

  port<const O extends SettingOptions<number>>(opts: O) {
    return make<number, O>('port', opts, 'a TCP port from 0 to 65535 (0 picks a free port)', (raw) =>
      parseInt10(raw, 0, 65535),
    );
  },

  url<const O extends SettingOptions<string> & { protocols?: readonly string[] }>(opts: O) {
    const protocols = opts.protocols?.map((p) => (p.endsWith(':') ? p : `${p}:`));
    const accepted = protocols
      ? `an absolute URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`
      : 'an absolute URL';
    return make<string, O>('url', opts, accepted, (raw) => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return fail('is not an absolute URL');
      }
      if (protocols && !protocols.includes(url.protocol)) return fail(`has the protocol ${url.protocol}`);
      return ok(raw);
    });
  },

  enum<const V extends readonly [string, ...string[]], const O extends SettingOptions<V[number]>>(values: V, opts: O) {
    return make<V[number], O>('enum', opts, `one of ${values.join(', ')}`, (raw) =>
      (values as readonly string[]).includes(raw) ? ok(raw as V[number]) : fail('is not one of the allowed values'),
    );
  },

  boolean<const O extends SettingOptions<boolean>>(opts: O) {
    return make<boolean, O>('boolean', opts, `${TRUE.join('/')} or ${FALSE.join('/')}`, (raw) => {
      const v = raw.trim().toLowerCase();
      if (TRUE.includes(v)) return ok(true);
      if (FALSE.includes(v)) return ok(false);
      return fail('is not a yes/no value');
    });
  },

  /** A file or directory path; relative paths are resolved against the working directory. */
  path<const O extends SettingOptions<string>>(opts: O) {
    return make<string, O>(
      'path',
      opts,
      'a file system path (relative to the working directory, or absolute)',
      (raw) => (raw.includes('\0') ? fail('contains a NUL character') : ok(resolve(raw))),
    );
  },
};

export type AnySetting = Setting<unknown, boolean>;
export type ConfigSchema = Readonly<Record<string, AnySetting>>;

type ValueOfSetting<S> = S extends Setting<infer T, infer P> ? (P extends true ? T : T | undefined) : never;

/** The typed configuration a schema loads to. */
export type ConfigOf<S extends ConfigSchema> = { readonly [K in keyof S]: ValueOfSetting<S[K]> };
