import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { StoreDialect } from '../store-dialect.ts';

/**
 * Column types and helpers that mean the same on both dialects. Values as JavaScript sees them, on both:
 *
 * | helper    | PostgreSQL                                   | SQLite                                 | value   |
 * |-----------|----------------------------------------------|----------------------------------------|---------|
 * | autoId    | bigint generated always as identity, PK      | integer primary key autoincrement      | number  |
 * | int64     | bigint (parsed to number, guarded)           | bigint (integer affinity; guarded)     | number  |
 * | epochMs   | bigint: milliseconds since 1970 UTC          | same                                   | number  |
 * | boolean   | boolean                                      | boolean (0/1, returned as true/false)  | boolean |
 * | jsonText  | text (JSON.stringify / JSON.parse in code)   | text                                   | string  |
 * | text      | text                                         | text                                   | string  |
 *
 * The type names happen to be spelled alike: what differs is how each driver returns them, which the store
 * bridges (see README). Only the auto-increment key needs different DDL.
 */
export interface Ddl {
  readonly dialect: StoreDialect;
  readonly int64: 'bigint';
  readonly epochMs: 'bigint';
  readonly boolean: 'boolean';
  readonly jsonText: 'text';
  readonly text: 'text';
  /**
   * An auto-increment primary key (never reused), for `.$call(ddl.autoId('id'))`. Insert without it and read
   * it back with `returning('id')`; inserting an explicit id fails on PostgreSQL (`generated always`).
   */
  autoId<N extends string = 'id'>(
    name?: N,
  ): <TB extends string, C extends string>(table: CreateTableBuilder<TB, C>) => CreateTableBuilder<TB, C | N>;
}

export function ddlFor(dialect: StoreDialect): Ddl {
  const idColumn =
    dialect === 'postgres'
      ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedAlwaysAsIdentity()
      : (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement();
  const idType = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    dialect,
    int64: 'bigint',
    epochMs: 'bigint',
    boolean: 'boolean',
    jsonText: 'text',
    text: 'text',
    autoId<N extends string = 'id'>(name?: N) {
      const column = (name ?? 'id') as N;
      return <TB extends string, C extends string>(table: CreateTableBuilder<TB, C>) =>
        table.addColumn(column, idType, idColumn);
    },
  };
}
