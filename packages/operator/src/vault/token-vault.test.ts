import { inspect } from 'node:util';
import { describeEachDialect } from '@hannun/store/testing';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  openTestDomain,
  SERVICE_CLIENT_ID,
  signUpInput,
  T0,
  tokenPair,
  type TestDomain,
} from '../testing/operator-test-kit.ts';
import { expiriesFrom } from './token-vault.ts';

async function person(d: TestDomain): Promise<string> {
  return (await d.people.signUp(signUpInput())).personId;
}

describe('token expiries', () => {
  it('come from expires_in / refresh_token_expires_in (seconds, N9)', () => {
    expect(expiriesFrom(T0, { expires_in: '7776000', refresh_token_expires_in: 31536000 })).toEqual({
      accessExpiresAt: T0 + 90 * DAY,
      refreshExpiresAt: T0 + 365 * DAY,
    });
    expect(expiriesFrom(T0, { expires_in: 60 }).refreshExpiresAt).toBeNull();
    expect(() => expiriesFrom(T0, { expires_in: '1e3' })).toThrow(/expires_in/);
  });
});

describeEachDialect('token vault', (open) => {
  it('AC: tokens are sealed at rest, bound to their row; expiry is in clear', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const pair = tokenPair('BKTESTAA01');
    const { id, duplicate } = await d.vault.put(p, pair);
    expect(duplicate).toBe(false);
    const row = await d.store.db.selectFrom('op_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(pair.accessToken);
    expect(JSON.stringify(row)).not.toContain(pair.refreshToken);
    expect(Number(row.access_expires_at)).toBe(pair.accessExpiresAt);
    const got = await d.vault.get(p, SERVICE_CLIENT_ID, 'BKTESTAA01');
    expect(got?.accessToken.reveal()).toBe(pair.accessToken);
    expect(got?.refreshToken?.reveal()).toBe(pair.refreshToken);
    // Moved to another row (another person's pair), the sealed token does not open.
    const q = await person(d);
    const other = await d.vault.put(q, tokenPair('BKTESTAA01'));
    await d.store.db
      .updateTable('op_token')
      .set({ access_sealed: row.access_sealed })
      .where('id', '=', other.id)
      .execute();
    await expect(d.vault.get(q, SERVICE_CLIENT_ID, 'BKTESTAA01')).rejects.toThrow(/does not open/);
  });

  it('AC: one pair per person × service × institution: a new pair replaces the old one in the same row', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const first = await d.vault.put(p, tokenPair('BKTESTAA01'));
    const second = tokenPair('BKTESTAA01');
    const replaced = await d.vault.put(p, second);
    expect(replaced.id).toBe(first.id);
    expect(await d.store.db.selectFrom('op_token').select('id').execute()).toHaveLength(1);
    expect((await d.vault.get(p, SERVICE_CLIENT_ID, 'BKTESTAA01'))?.accessToken.reveal()).toBe(second.accessToken);
    await d.vault.put(p, tokenPair('BKTESTBB01'));
    expect(await d.store.db.selectFrom('op_token').select('id').execute()).toHaveLength(2);
  });

  it('two concurrent puts of a new pair leave one row', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    await Promise.all([d.vault.put(p, tokenPair('BKTESTAA01')), d.vault.put(p, tokenPair('BKTESTAA01'))]);
    expect(await d.store.db.selectFrom('op_token').select('id').execute()).toHaveLength(1);
  });

  it('AC: dueForRefresh lists pairs whose access token expires within the margin and whose refresh token lives', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    await d.vault.put(p, { ...tokenPair('BKTESTAA01'), accessExpiresAt: T0 + 2 * DAY });
    await d.vault.put(p, { ...tokenPair('BKTESTBB01'), accessExpiresAt: T0 + 10 * DAY });
    await d.vault.put(p, { ...tokenPair('BKTESTCC01'), accessExpiresAt: T0 + DAY, refreshExpiresAt: T0 });
    const due = await d.vault.dueForRefresh(T0, 3 * DAY);
    expect(due.map((r) => r.orgCode)).toEqual(['BKTESTAA01']);
    expect(inspect(due)).not.toMatch(/eyJ/);
    const row = due[0]!;
    const fresh = tokenPair('BKTESTAA01');
    await d.vault.refreshed(p, row.id, { accessToken: fresh.accessToken, accessExpiresAt: T0 + 90 * DAY });
    const after = await d.vault.get(p, SERVICE_CLIENT_ID, 'BKTESTAA01');
    expect(after?.accessToken.reveal()).toBe(fresh.accessToken);
    expect(after?.refreshExpiresAt).toBe(T0 + 365 * DAY);
    expect(await d.vault.dueForRefresh(T0, 3 * DAY)).toEqual([]);
  });

  it('AC: the same token arriving for a second row is caught at once; both rows are stopped', async () => {
    const d = await openTestDomain(open);
    const a = await person(d);
    const b = await person(d);
    const pair = tokenPair('BKTESTAA01');
    await d.vault.put(a, pair);
    const second = await d.vault.put(b, pair);
    expect(second.duplicate).toBe(true);
    expect((await d.vault.get(a, SERVICE_CLIENT_ID, 'BKTESTAA01'))?.status).toBe('duplicate');
    expect(await d.vault.usable(a, SERVICE_CLIENT_ID, 'BKTESTAA01')).toBeUndefined();
    expect(await d.vault.usable(b, SERVICE_CLIENT_ID, 'BKTESTAA01')).toBeUndefined();
    // A fresh pair for one of them makes it usable again.
    await d.vault.put(a, tokenPair('BKTESTAA01'));
    expect(await d.vault.usable(a, SERVICE_CLIENT_ID, 'BKTESTAA01')).toBeDefined();
  });

  it('AC: the daily duplicate check finds the same jti in two rows (different token strings) and stops both', async () => {
    const d = await openTestDomain(open);
    const a = await person(d);
    const b = await person(d);
    const c = await person(d);
    await d.vault.put(a, tokenPair('BKTESTAA01', 'same-jti'));
    await d.vault.put(c, tokenPair('BKTESTAA01'));
    // Written past the real-time check (as a second process or a restore would): the daily check finds it.
    const bRow = await d.vault.put(b, tokenPair('BKTESTBB01'));
    const aRow = await d.store.db
      .selectFrom('op_token')
      .selectAll()
      .where('person_id', '=', a)
      .executeTakeFirstOrThrow();
    await d.store.db
      .updateTable('op_token')
      .set({ access_jti_bidx: aRow.access_jti_bidx, status: 'active' })
      .where('id', '=', bRow.id)
      .execute();
    await d.store.db.updateTable('op_token').set({ status: 'active' }).execute();
    const report = await d.vault.duplicateCheck();
    expect(report.rows.map((r) => r.id).sort()).toEqual([aRow.id, bRow.id].sort());
    expect(inspect(report)).not.toMatch(/eyJ|same-jti/);
    expect((await d.vault.get(c, SERVICE_CLIENT_ID, 'BKTESTAA01'))?.status).toBe('active');
    expect((await d.vault.get(b, SERVICE_CLIENT_ID, 'BKTESTBB01'))?.status).toBe('duplicate');
    const audit = await d.audit.entries(d.store.db);
    expect(audit.at(-1)).toMatchObject({ action: 'token.duplicate' });
    expect(JSON.stringify(audit)).not.toMatch(/eyJ/);
  });

  it('AC: tokens never appear in errors', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const pair = tokenPair('BKTESTAA01');
    const errors = await Promise.all([
      d.vault.put(p, { ...pair, orgCode: 'bad' }).catch((e: unknown) => e),
      d.vault.put(p, { ...pair, accessToken: `${pair.accessToken}${'x'.repeat(1500)}` }).catch((e: unknown) => e),
      d.vault.put('p_nobody', pair).catch((e: unknown) => e),
    ]);
    for (const e of errors) {
      expect(e).toBeInstanceOf(Error);
      expect(`${String(e)} ${inspect(e)}`).not.toContain(pair.accessToken.slice(0, 40));
      expect(`${String(e)} ${inspect(e)}`).not.toContain(pair.refreshToken.slice(0, 40));
    }
  });
});
