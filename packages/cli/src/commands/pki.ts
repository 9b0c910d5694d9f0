import { loadPki, PkiLockedError, PkiNotFoundError, rotate } from '@hannun/pki';
import { type Environment, loadConfig } from '@hannun/infra';
import { pkiIdOf } from '../ecosystem/demo-organisations.ts';
import { SHARED_SETTINGS } from '../ecosystem/up-config.ts';
import { formatPkiStatus } from '../pki/pki-status.ts';
import { formatRotation } from '../pki/pki-rotation.ts';
import { UserError } from '../user-error.ts';
import type { Output } from './up.ts';

export interface PkiCommandOptions {
  /** The data directory; HANNUN_DATA_DIR (default ./data) when absent. */
  readonly dataDir?: string;
  readonly env?: Environment;
}

export interface RotateCommandOptions extends PkiCommandOptions {
  /** An organisation's PKI id or org_code (any case). */
  readonly org?: string;
  readonly root?: boolean;
  /** Also replace the signing key(s). */
  readonly signing?: boolean;
}

function dataDirOf(opts: PkiCommandOptions): string {
  if (opts.dataDir !== undefined) return opts.dataDir;
  return loadConfig({ HANNUN_DATA_DIR: SHARED_SETTINGS.HANNUN_DATA_DIR }, opts.env ?? process.env).HANNUN_DATA_DIR;
}

/** Turn the PKI's errors into messages a person can act on. */
function explain(error: unknown, dataDir: string): never {
  if (error instanceof PkiNotFoundError && error.message.startsWith('no organisation')) {
    throw new UserError(
      [
        `${error.message}.`,
        '그런 기관이 없습니다. 기관 목록: `hannun pki status`.',
        'No such organisation: `hannun pki status` lists them (ids are lower-case org_codes).',
      ].join('\n'),
    );
  }
  if (error instanceof PkiNotFoundError) {
    throw new UserError(
      [
        `${error.message}.`,
        `${dataDir}에 아직 PKI가 없습니다. 처음 \`npm start\`(hannun up)가 만듭니다.`,
        `No PKI in ${dataDir} yet: the first \`npm start\` (hannun up) creates it.`,
      ].join('\n'),
    );
  }
  if (error instanceof PkiLockedError) {
    throw new UserError(`${error.message}\nAnother hannun process is changing the PKI; try again when it has started.`);
  }
  throw error;
}

/** `hannun pki status`: every certificate of the data directory's PKI, with its expiry and fingerprint. */
export async function runPkiStatus(out: Output, opts: PkiCommandOptions = {}): Promise<void> {
  const dataDir = dataDirOf(opts);
  const pki = await loadPki({ dataDir }).catch((error: unknown) => explain(error, dataDir));
  out.write(formatPkiStatus(pki));
}

/** `hannun pki rotate --org <id> | --root [--signing]`: replace keys and certificates, archiving the old ones. */
export async function runPkiRotate(out: Output, opts: RotateCommandOptions): Promise<void> {
  if ((opts.org === undefined) === (opts.root !== true)) {
    throw new UserError(
      'Name one thing to rotate: --org <id> (one organisation) or --root (the root and every certificate).\n' +
        '교체할 대상을 하나만 지정하세요: --org <id> 또는 --root.',
    );
  }
  const dataDir = dataDirOf(opts);
  const pki = await rotate({
    dataDir,
    ...(opts.org !== undefined ? { orgId: pkiIdOf(opts.org) } : { root: true }),
    signing: opts.signing === true,
  }).catch((error: unknown) => explain(error, dataDir));
  out.write(formatRotation(pki, pki.changes));
}
