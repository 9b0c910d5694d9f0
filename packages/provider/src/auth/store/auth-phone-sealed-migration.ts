import type { ColumnSealer } from '@hannun/pki';
import { type Kysely, type Migration, sql } from '@hannun/store';

/**
 * 0003: the login's mobile number (where 개별인증's one-time code goes) sealed at rest under the provider's
 * storage key: `provider_login.phone` becomes `sealed_phone`, bound to the login's row key (org_code,
 * login_id) as `sealed_ci` is. Nothing looks a login up by phone, so there is no blind index. Existing rows are
 * sealed in place; on SQLite the store runs with secure_delete, so the clear cells are zeroed.
 */
export function authPhoneSealedMigration(sealer: ColumnSealer): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('provider_login').renameColumn('phone', 'sealed_phone').execute();
      const logins = await sql<{ org_code: string; login_id: string; phone: string }>`
        select org_code, login_id, sealed_phone as phone from provider_login`.execute(db);
      for (const l of logins.rows) {
        const sealed = sealer.seal('provider_login', 'sealed_phone', [l.org_code, l.login_id], l.phone);
        await sql`update provider_login set sealed_phone = ${sealed}
          where org_code = ${l.org_code} and login_id = ${l.login_id}`.execute(db);
      }
    },
  };
}
