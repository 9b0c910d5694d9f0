import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { BANK, movementWorld } from '../testing/movement-world.ts';
import { signUpInput } from '../testing/operator-test-kit.ts';
import { openTestApp, PASSWORD } from './testing/app-kit.ts';

interface Tx {
  id: string;
  kind: string;
  orgCode: string;
  institution: string;
  assetId: string;
  time: string;
  direction: string | null;
  values: Record<string, unknown>;
}

describeEachDialect('the app API: GET /api/transactions (keyset)', (open) => {
  it('AC: the person’s movements across assets by opaque cursor, filtered; one asset with its view; bad input is a clear 400/404', async () => {
    const t = await openTestApp(open);
    try {
      const input = signUpInput({ password: PASSWORD });
      const { acct } = await movementWorld(t.d, input);
      const stranger = t.browser();
      expect((await stranger.get('/api/transactions')).statusCode).toBe(401);
      const someone = signUpInput({ password: PASSWORD });
      await t.d.people.signUp(someone);
      await stranger.post('/api/login', { loginName: someone.loginName, password: PASSWORD });
      expect((await stranger.get(`/api/transactions?assetId=${acct.id}`)).statusCode).toBe(404);
      expect((await stranger.get('/api/transactions')).json()).toMatchObject({ transactions: [], nextCursor: null });

      const me = t.browser();
      await me.post('/api/login', { loginName: input.loginName, password: PASSWORD });
      const seen: Tx[] = [];
      let cursor: string | null = null;
      do {
        const r = await me.get(`/api/transactions?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.statusCode).toBe(200);
        const body = r.json() as { transactions: Tx[]; nextCursor: string | null; asset?: unknown };
        expect(body.asset).toBeUndefined();
        seen.push(...body.transactions);
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(277);
      expect(new Set(seen.map((x) => x.id)).size).toBe(277);
      expect(seen.map((x) => x.time)).toEqual(
        seen
          .map((x) => x.time)
          .sort()
          .reverse(),
      );

      const rent = (
        await me.get(`/api/transactions?q=${encodeURIComponent('월세')}&direction=out&from=20261001&to=20261031`)
      ).json() as {
        transactions: Tx[];
        scanLimited: boolean;
      };
      // Six memos, two of them on salaries (in).
      expect(rent.transactions).toHaveLength(4);
      expect(rent.transactions[0]).toMatchObject({
        kind: 'op_m_deposit_tx',
        orgCode: BANK,
        assetId: acct.id,
        direction: 'out',
      });
      expect(rent.transactions[0]!.values.trans_memo).toBe('월세 Rent');

      const one = (await me.get(`/api/transactions?assetId=${acct.id}&limit=3`)).json() as {
        asset: { id: string; number: string };
        transactions: Tx[];
        nextCursor: string;
      };
      expect(one.asset.id).toBe(acct.id);
      expect(one.asset.number).not.toContain('1002123456789');
      expect(one.transactions.every((x) => x.assetId === acct.id)).toBe(true);
      // The asset's cursor is not a cursor of the whole list, nor of another filter.
      const borrowed = await me.get(`/api/transactions?cursor=${one.nextCursor}`);
      expect(borrowed.statusCode).toBe(400);
      expect(borrowed.json()).toMatchObject({ code: 'OP_INVALID_INPUT', field: 'cursor' });
      const forged = await me.get(`/api/transactions?assetId=${acct.id}&cursor=forged`);
      expect(forged.json()).toMatchObject({ statusCode: 400, field: 'cursor' });
      for (const [q, field] of [
        ['limit=0', 'limit'],
        ['limit=abc', 'limit'],
        ['from=2026-10-01', 'from'],
        ['direction=sideways', 'direction'],
        ['limit=5&limit=6', 'limit'],
      ] as const) {
        const r = await me.get(`/api/transactions?${q}`);
        expect(r.statusCode, q).toBe(400);
        expect(r.json(), q).toMatchObject({ field });
      }
      expect((await me.get('/api/transactions?assetId=nope')).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
