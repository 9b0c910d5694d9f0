import type { Migration } from '@hannun/store';

/**
 * analysis/: one version stamp per person, bumped in the same transaction as any change to what categorises
 * their rows (a rule added or deleted, a learned rule, an edit that teaches their model). Every operator process
 * (app servers, `hannun worker`) checks it before using its cached rules, so a change applies everywhere on the
 * next use, not after a timeout.
 */
export const ANALYSIS_RULE_VERSION_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_an_rule_version')
      .addColumn('person_id', ddl.text, (c) => c.primaryKey().references('op_person.id'))
      .addColumn('version', ddl.int64, (c) => c.notNull())
      .execute();
  },
};
