import type { ColumnSealer } from '@hannun/pki';
import { type Kysely, type Migration, sql } from '@hannun/store';
import { normalisePhone } from '../people/phone.ts';

/** The person's columns 0003 seals (renamed `sealed_<name>`), each bound to its row (the person's id). */
const PERSON_COLUMNS = ['name', 'phone', 'birth_date'] as const;

/**
 * The blind index of a mobile number, over its domestic digits (01012345678), whatever form it comes in: the
 * identity check's lookup (peopleByPhone) and the stored index must agree. A value that is no Korean mobile
 * number is indexed as given.
 */
export function phoneIndex(sealer: ColumnSealer, phone: string): string {
  return sealer.index('phone', normalisePhone(phone) ?? phone);
}

/**
 * 0003: the rest of a person's personal data at the CA sealed at rest: name, phone number and birth date become
 * `sealed_name`, `sealed_phone`, `sealed_birth_date` (AES-256-GCM, row: the id), and `ca_person.phone_index`
 * (blind index of the normalised number, not unique: a number may be shared) is how the identity check finds
 * people by phone. Existing rows are sealed in place; on SQLite the store runs with secure_delete, so the clear
 * cells are zeroed.
 */
export function caPersonSealedMigration(sealer: ColumnSealer): Migration {
  return {
    async up(db: Kysely<unknown>, ddl) {
      for (const c of PERSON_COLUMNS) {
        await db.schema.alterTable('ca_person').renameColumn(c, `sealed_${c}`).execute();
      }
      await db.schema.alterTable('ca_person').addColumn('phone_index', ddl.text).execute();
      const people = await sql<{ id: string; name: string; phone: string; birth_date: string }>`
        select id, sealed_name as name, sealed_phone as phone, sealed_birth_date as birth_date
        from ca_person`.execute(db);
      for (const p of people.rows) {
        await sql`update ca_person set
            sealed_name = ${sealer.seal('ca_person', 'sealed_name', p.id, p.name)},
            sealed_phone = ${sealer.seal('ca_person', 'sealed_phone', p.id, p.phone)},
            sealed_birth_date = ${sealer.seal('ca_person', 'sealed_birth_date', p.id, p.birth_date)},
            phone_index = ${phoneIndex(sealer, p.phone)}
          where id = ${p.id}`.execute(db);
      }
      await db.schema.createIndex('ca_person_phone_index').on('ca_person').column('phone_index').execute();
    },
  };
}
