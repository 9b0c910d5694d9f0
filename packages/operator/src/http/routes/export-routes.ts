import type { FastifyInstance } from '@hannun/infra';
import { MODEL_TABLE_DEFS } from '../../model/model-routes.ts';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { invalid } from '../../shared/operator-error.ts';
import { requireSession, sessionOf } from '../session-guard.ts';
import { consentView } from './consent-view.ts';

/** Every stored row of a table at most (the person's own; a person has far fewer). */
const ROWS_PER_TABLE = 1_000_000;

/** A CSV cell: quoted when needed; text a spreadsheet would run as a formula is prefixed with `'`. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * `GET /api/export?format=json|csv`: download my data (issue #8 item 10) — the profile (without the CI), every
 * consent version, every asset and every collected row, as one JSON document or one CSV in long form (one line
 * per row and field, UTF-8 with a BOM for spreadsheets). Written to the audit log (who downloaded, not what).
 */
export function registerExportRoutes(app: FastifyInstance, rt: OperatorRuntime): void {
  const { domain } = rt;
  app.get('/api/export', { preHandler: requireSession(rt) }, async (request, reply) => {
    const { personId } = sessionOf(request);
    const format = (request.query as Record<string, unknown>).format ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw invalid('format', "must be 'json' or 'csv'", "'json' 또는 'csv'여야 합니다");
    const profile = await domain.people.profile(personId);
    const consents = await domain.consents.history(personId);
    const assets = await domain.data.assets(personId, { includeDelisted: true });
    const tables: { table: string; rows: Awaited<ReturnType<typeof domain.data.rows>> }[] = [];
    for (const t of MODEL_TABLE_DEFS) {
      const rows = await domain.data.rows(personId, t.name, { limit: ROWS_PER_TABLE });
      if (rows.length > 0) tables.push({ table: t.name, rows });
    }
    await domain.audit.appendNow(domain.store, {
      actor: `person:${personId}`,
      action: 'data.export',
      subject: personId,
      details: { format, tables: tables.length },
    });
    const now = domain.clock.nowMs();
    const stamp = new Date(now + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
    reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="hannun-my-data-${stamp}.${format}"`);
    if (format === 'json') {
      return reply.type('application/json; charset=utf-8').send(
        JSON.stringify({
          exportedAt: new Date(now).toISOString(),
          person: profile && {
            name: profile.name,
            loginName: profile.loginName,
            birthDate: profile.birthDate,
            phone: profile.phone,
            createdAt: profile.createdAt,
          },
          consents: consents.map((c) => consentView(rt, c)),
          assets: assets.map((a) => ({
            id: a.id,
            orgCode: a.orgCode,
            institution: rt.providers.name(a.orgCode),
            listApi: a.listApi,
            name: a.name,
            key: a.key,
            personal: a.personal,
            attrs: a.attrs,
            collectedAt: a.collectedAt,
          })),
          data: Object.fromEntries(tables.map((t) => [t.table, t.rows])),
        }),
      );
    }
    const lines = ['table,row_id,org_code,institution,asset_id,api_id,api_type,collected_at,field,value'];
    for (const { table, rows } of tables) {
      for (const r of rows) {
        const head = [
          table,
          r.id,
          r.orgCode,
          rt.providers.name(r.orgCode),
          r.assetId,
          r.apiId,
          r.apiType,
          r.collectedAt,
        ]
          .map(csvCell)
          .join(',');
        for (const [field, value] of Object.entries(r.values))
          lines.push(`${head},${csvCell(field)},${csvCell(value)}`);
      }
    }
    return reply.type('text/csv; charset=utf-8').send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });
}
