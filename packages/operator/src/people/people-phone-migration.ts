import type { Migration } from '@hannun/store';

/**
 * `0008_people_phone`: the person's mobile number, sealed with their data key. The operator sends it with the
 * name and CI in 통합인증-102 (the CA compares it with the person it enrolled); it comes from the identity
 * check at sign-up. Nullable: people who signed up before (or without a number) have none.
 */
export const PEOPLE_PHONE_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema.alterTable('op_person').addColumn('phone_sealed', ddl.text).execute();
  },
};
