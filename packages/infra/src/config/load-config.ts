import { resolve } from 'node:path';
import { ConfigError, type ConfigProblem } from './config-error.ts';
import type { ConfigOf, ConfigSchema } from './settings.ts';

export type Environment = Readonly<Record<string, string | undefined>>;

const MAX_SHOWN = 80;

function show(raw: string): string {
  const s = raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw;
  return JSON.stringify(s);
}

/**
 * Read and validate the configuration from the environment. An empty variable counts as unset. Throws a
 * {@link ConfigError} listing every problem at once; the values of secret settings are never shown.
 */
export function loadConfig<S extends ConfigSchema>(schema: S, env: Environment = process.env): ConfigOf<S> {
  const out: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [variable, s] of Object.entries(schema)) {
    const raw = env[variable];
    const base = { variable, accepted: s.accepted, description: s.description };
    if (raw === undefined || raw === '') {
      if (s.default !== undefined) out[variable] = s.kind === 'path' ? resolve(String(s.default)) : s.default;
      else if (s.optional) out[variable] = undefined;
      else problems.push({ ...base, rule: 'is required but not set' });
      continue;
    }
    const parsed = s.parse(raw);
    if (parsed.ok) out[variable] = parsed.value;
    else problems.push({ ...base, rule: parsed.rule, seen: s.secret ? '(hidden: secret)' : show(raw) });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as ConfigOf<S>;
}

/** One line per setting (name, accepted values, default, meaning), for `--help` texts. */
export function describeConfig(schema: ConfigSchema): string[] {
  return Object.entries(schema).map(([variable, s]) => {
    const def =
      s.default !== undefined
        ? ` (default: ${s.secret ? 'hidden' : String(s.default)})`
        : s.optional
          ? ' (optional)'
          : ' (required)';
    return `  ${variable.padEnd(18)} ${s.description}${def}. Accepts ${s.accepted}.`;
  });
}
