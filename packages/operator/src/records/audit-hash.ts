import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers: everything it says, and the hash of the entry before it. */
export interface AuditFields {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: string;
  readonly prevHash: string;
}

/** SHA-256 (hex) over a canonical JSON array of the fields, so no field boundary can be shifted. */
export function auditHash(e: AuditFields): string {
  return createHash('sha256')
    .update(JSON.stringify([e.prevHash, e.seq, e.at, e.actor, e.action, e.subject, e.details]), 'utf8')
    .digest('hex');
}
