import type { Ddl, Kysely, Migration } from '@hannun/store';
import { MODEL_TABLE_DEFS } from './model-routes.ts';
import type { ColumnDef, ModelTableDef } from './model-table.ts';

function addColumns(
  builder: ReturnType<Kysely<unknown>['schema']['createTable']>,
  ddl: Ddl,
  name: string,
  def: ColumnDef,
): ReturnType<Kysely<unknown>['schema']['createTable']> {
  switch (def.kind) {
    case 'int':
      return builder.addColumn(name, ddl.int64);
    case 'amount':
      return builder.addColumn(name, ddl.int64).addColumn(`${name}_dec`, ddl.text);
    case 'bool':
      return builder.addColumn(name, ddl.boolean);
    case 'sealed':
      return def.bidx
        ? builder.addColumn(`${name}_sealed`, ddl.text).addColumn(`${name}_bidx`, ddl.text)
        : builder.addColumn(`${name}_sealed`, ddl.text);
    case 'sealedJson':
      return builder.addColumn(`${name}_sealed`, ddl.text);
    case 'json':
      return builder.addColumn(name, ddl.jsonText);
    default:
      return builder.addColumn(name, ddl.text);
  }
}

async function createModelTable(db: Kysely<unknown>, ddl: Ddl, t: ModelTableDef): Promise<void> {
  let b = db.schema
    .createTable(t.name)
    .addColumn('id', ddl.text, (col) => col.primaryKey())
    .addColumn('person_id', ddl.text, (col) => col.notNull().references('op_person.id'))
    .addColumn('org_code', ddl.text, (col) => col.notNull())
    .addColumn('asset_id', ddl.text, (col) => (t.scope === 'asset' ? col.notNull().references('op_asset.id') : col))
    .addColumn('api_id', ddl.text, (col) => col.notNull())
    .addColumn('api_type', ddl.text, (col) => col.notNull())
    .addColumn('collected_at', ddl.epochMs, (col) => col.notNull())
    .addColumn('content_hash', ddl.text, (col) => col.notNull());
  for (const [name, def] of Object.entries(t.columns)) b = addColumns(b, ddl, name, def);
  await b.execute();
  await db.schema.createIndex(`${t.name}_person_org`).on(t.name).columns(['person_id', 'org_code']).execute();
  if (t.scope === 'asset') await db.schema.createIndex(`${t.name}_asset`).on(t.name).column('asset_id').execute();
  if (t.time) await db.schema.createIndex(`${t.name}_person_time`).on(t.name).columns(['person_id', t.time]).execute();
}

/** op_asset and one table per declaration in tables/. */
export const MODEL_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_asset')
      .addColumn('id', ddl.text, (col) => col.primaryKey())
      .addColumn('person_id', ddl.text, (col) => col.notNull().references('op_person.id'))
      .addColumn('org_code', ddl.text, (col) => col.notNull())
      .addColumn('api_id', ddl.text, (col) => col.notNull())
      .addColumn('api_type', ddl.text, (col) => col.notNull())
      .addColumn('collected_at', ddl.epochMs, (col) => col.notNull())
      .addColumn('content_hash', ddl.text, (col) => col.notNull())
      .addColumn('key_sealed', ddl.text, (col) => col.notNull())
      .addColumn('number_bidx', ddl.text)
      .addColumn('personal_sealed', ddl.text)
      .addColumn('name', ddl.text)
      .addColumn('is_consent', ddl.boolean, (col) => col.notNull())
      .addColumn('type_code', ddl.text)
      .addColumn('status_code', ddl.text)
      .addColumn('attrs', ddl.jsonText, (col) => col.notNull())
      .addColumn('delisted_at', ddl.epochMs)
      .execute();
    await db.schema
      .createIndex('op_asset_person_org')
      .on('op_asset')
      .columns(['person_id', 'org_code', 'api_id'])
      .execute();
    await db.schema.createIndex('op_asset_number').on('op_asset').column('number_bidx').execute();
    for (const t of MODEL_TABLE_DEFS) await createModelTable(db, ddl, t);
  },
};
