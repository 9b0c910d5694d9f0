import { type Migration, sql } from '@hannun/store';

/** The collection engine's tables (operator migration `0007_collect`): jobs, finished steps, state, notices. */
export const COLLECT_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_collect_job')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('org_code', ddl.text, (c) => c.notNull())
      .addColumn('consent_id', ddl.text, (c) => c.notNull())
      .addColumn('api_type', ddl.text, (c) => c.notNull())
      .addColumn('asset_id', ddl.text, (c) => c.notNull())
      .addColumn('params', ddl.jsonText, (c) => c.notNull())
      .addColumn('status', ddl.text, (c) => c.notNull())
      .addColumn('not_before', ddl.epochMs, (c) => c.notNull())
      .addColumn('lease_owner', ddl.text)
      .addColumn('lease_until', ddl.epochMs)
      .addColumn('attempts', ddl.int64, (c) => c.notNull())
      .addColumn('requested_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('started_at', ddl.epochMs)
      .addColumn('finished_at', ddl.epochMs)
      .addColumn('failure', ddl.text)
      .addColumn('failure_ko', ddl.text)
      .addColumn('failure_en', ddl.text)
      .addColumn('late_noticed_at', ddl.epochMs)
      .execute();
    // One live job per (person, institution, x-api-type, asset): enqueuing twice finds the first.
    await db.schema
      .createIndex('op_collect_job_live')
      .on('op_collect_job')
      .columns(['person_id', 'org_code', 'api_type', 'asset_id'])
      .unique()
      .where(sql<boolean>`status in ('queued', 'running')`)
      .execute();
    await db.schema
      .createIndex('op_collect_job_runnable')
      .on('op_collect_job')
      .columns(['status', 'not_before'])
      .execute();
    await db.schema
      .createIndex('op_collect_job_person')
      .on('op_collect_job')
      .columns(['person_id', 'org_code', 'requested_at'])
      .execute();
    await db.schema
      .createTable('op_collect_step')
      .addColumn('job_id', ddl.text, (c) => c.notNull().references('op_collect_job.id'))
      .addColumn('step_key', ddl.text, (c) => c.notNull())
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('status', ddl.text, (c) => c.notNull())
      .addColumn('rsp_code', ddl.text)
      .addColumn('rows', ddl.int64, (c) => c.notNull())
      .addColumn('finished_at', ddl.epochMs, (c) => c.notNull())
      .addPrimaryKeyConstraint('op_collect_step_pk', ['job_id', 'step_key'])
      .execute();
    await db.schema
      .createTable('op_collect_state')
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('org_code', ddl.text, (c) => c.notNull())
      .addColumn('api_id', ddl.text, (c) => c.notNull())
      .addColumn('asset_key', ddl.text, (c) => c.notNull())
      .addColumn('consent_id', ddl.text, (c) => c.notNull())
      .addColumn('search_timestamp', ddl.text)
      .addColumn('covered_from', ddl.text)
      .addColumn('covered_to', ddl.text)
      .addColumn('collected_at', ddl.epochMs, (c) => c.notNull())
      .addPrimaryKeyConstraint('op_collect_state_pk', ['person_id', 'org_code', 'api_id', 'asset_key'])
      .execute();
    await db.schema
      .createTable('op_collect_notice')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('org_code', ddl.text, (c) => c.notNull())
      .addColumn('job_id', ddl.text, (c) => c.notNull())
      .addColumn('kind', ddl.text, (c) => c.notNull())
      .addColumn('code', ddl.text, (c) => c.notNull())
      .addColumn('ko', ddl.text, (c) => c.notNull())
      .addColumn('en', ddl.text, (c) => c.notNull())
      .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('seen_at', ddl.epochMs)
      .execute();
    await db.schema
      .createIndex('op_collect_notice_person')
      .on('op_collect_notice')
      .columns(['person_id', 'created_at'])
      .execute();
  },
};
