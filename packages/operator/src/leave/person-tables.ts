import { ANALYSIS_PERSON_TABLES } from '../analysis/analysis-migration.ts';
import { MODEL_TABLE_DEFS } from '../model/model-routes.ts';

/**
 * Every table holding rows of a person (a `person_id` column), in the order leaving deletes them (children
 * before parents: the foreign keys point at op_asset and op_person). A test compares this with the
 * database's own catalogue, so a new table cannot be forgotten.
 */
export const PERSON_TABLES: readonly string[] = [
  // collect/: finished steps before their jobs (foreign key).
  'op_collect_step',
  'op_collect_notice',
  'op_collect_state',
  'op_collect_job',
  ...ANALYSIS_PERSON_TABLES,
  ...MODEL_TABLE_DEFS.map((t) => t.name),
  'op_asset',
  'op_token',
  'op_consent',
  'op_session',
  'op_login_attempt',
  'op_pending_flow',
  'op_yearly_notice',
  'op_person',
  'op_person_key',
];

/**
 * Tables that name a person only by an opaque reference (`person_ref`) and are kept after they leave:
 * - op_transmission: transmission records, kept 3 years (notes §4.4 Records); no personal data in them;
 * - op_followup: pending revocations at providers (sealed with the operator's KEK, erased when done);
 *   the person's other follow-ups are deleted with them.
 * The audit log names people the same way (subject = the opaque id) and keeps the destruction record.
 */
export const RETAINED_TABLES: readonly string[] = ['op_transmission', 'op_followup', 'op_audit', 'op_audit_anchor'];
