import { describe, expect, it } from 'vitest';
import { known, unknown } from '../shared/known.ts';
import { toKrw } from './fx.ts';
import type { Holding } from './holdings.ts';
import { netWorth } from './net-worth.ts';

const h = (o: Partial<Holding> & Pick<Holding, 'id' | 'sector' | 'side' | 'amount'>): Holding => ({
  orgCode: 'BKNURI0001',
  institution: '누리은행',
  kind: 'deposit',
  name: null,
  ...o,
});

describe('one glance: net worth', () => {
  it('assets minus liabilities, by sector and institution, with a USD deposit in KRW at the rate shown', () => {
    const usd = toKrw('1000.00', 'USD');
    if (!usd.known) throw new Error('USD has a rate');
    expect(usd.value.krw).toBe(1_385_200);
    const w = netWorth([
      h({ id: 'a', sector: 'deposits', side: 'asset', amount: known(5_000_000) }),
      h({
        id: 'b',
        sector: 'deposits',
        side: 'asset',
        amount: known(usd.value.krw),
        foreign: { amount: '1000.00', currency: 'USD', rate: usd.value.rate },
      }),
      h({
        id: 'c',
        sector: 'loans',
        side: 'liability',
        amount: known(2_000_000),
        orgCode: 'CPNURI0001',
        institution: '누리캐피탈',
      }),
    ]);
    expect(w.net).toEqual(known(5_000_000 + 1_385_200 - 2_000_000));
    expect(w.bySector.map((s) => s.sector)).toEqual(['deposits', 'loans']);
    expect(w.byInstitution.find((i) => i.orgCode === 'CPNURI0001')?.liabilities).toEqual(known(2_000_000));
    expect(w.fx).toEqual([expect.objectContaining({ currency: 'USD', rate: '1385.20', provisional: true })]);
  });

  it('an unknown balance or a failed institution makes the total unknown with the reason, never zero', () => {
    const w = netWorth(
      [
        h({ id: 'a', sector: 'deposits', side: 'asset', amount: known(1_000) }),
        h({ id: 'b', sector: 'investments', side: 'asset', amount: unknown('NO_BALANCE', '잔액 없음', 'no balance') }),
      ],
      [{ orgCode: 'IVGARAM001', institution: '가람증권', reason: { ko: '응답 없음', en: 'timed out' } }],
    );
    expect(w.assets.known).toBe(false);
    expect(w.net.known).toBe(false);
    expect(w.knownAssets).toBe(1_000);
    expect(w.unknowns.map((u) => u.item)).toEqual(['누리은행 deposit', '가람증권']);
    expect(toKrw('10', 'XYZ').known).toBe(false);
  });

  it('nothing connected is unknown with the reason, never a net worth of 0원', () => {
    const w = netWorth([]);
    expect(w.net).toMatchObject({ known: false, reason: { code: 'NOTHING_CONNECTED' } });
    expect(w.assets.known).toBe(false);
    expect(w.knownAssets).toBe(0);
  });
});
