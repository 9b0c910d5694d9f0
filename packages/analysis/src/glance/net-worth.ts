import { type Known, known, sumKnown, unknown } from '../shared/known.ts';
import type { FxRate } from './fx.ts';
import { type Failure, type Holding, SECTORS, type Sector } from './holdings.ts';
import type { SectorCoverage } from './past-net-worth.ts';

export interface SideTotals {
  readonly assets: Known<number>;
  readonly liabilities: Known<number>;
  readonly net: Known<number>;
  /** What is known, summed: the floor of assets and liabilities while something is unknown. */
  readonly knownAssets: number;
  readonly knownLiabilities: number;
}

export interface NetWorth extends SideTotals {
  readonly bySector: readonly ({ sector: Sector; ko: string; en: string; items: number } & SideTotals)[];
  readonly byInstitution: readonly ({ orgCode: string; institution: string } & SideTotals)[];
  /** Rates used for foreign holdings (shown beside the amounts). */
  readonly fx: readonly FxRate[];
  /** Everything unknown, and why: holdings without a balance, institutions that failed. */
  readonly unknowns: readonly { item: string; reason: { ko: string; en: string } }[];
  readonly history: readonly NetWorthPoint[];
}

export interface NetWorthPoint {
  readonly date: string;
  readonly assets: number;
  readonly liabilities: number;
  readonly net: number;
  /** False when some institution's data was missing that day. */
  readonly complete: boolean;
  /** recorded: the operator's reading that day; reconstructed: a past month-end rebuilt from histories. */
  readonly source?: 'recorded' | 'reconstructed';
  /** A reconstructed point's coverage per sector (reconstructed, held at today's value, or unknown and why). */
  readonly sectors?: readonly SectorCoverage[];
}

function totals(items: readonly Holding[], failures: readonly Failure[]): SideTotals {
  const side = (s: 'asset' | 'liability') => items.filter((h) => h.side === s).map((h) => h.amount);
  const failed =
    failures.length > 0
      ? unknown<number>(
          'INSTITUTION_FAILED',
          `${failures.map((f) => f.institution).join(', ')}의 정보를 받지 못했습니다`,
          `no data from ${failures.map((f) => f.orgCode).join(', ')}`,
        )
      : known(0);
  const assets = sumKnown([...side('asset'), failed]);
  const liabilities = sumKnown([...side('liability'), failed]);
  const sum = (s: 'asset' | 'liability') => side(s).reduce((a, k) => a + (k.known ? k.value : 0), 0);
  return {
    assets,
    liabilities,
    net:
      assets.known && liabilities.known
        ? known(assets.value - liabilities.value)
        : !assets.known
          ? assets
          : liabilities,
    knownAssets: sum('asset'),
    knownLiabilities: sum('liability'),
  };
}

/**
 * One glance: net worth (assets − liabilities) by sector and by institution, foreign holdings in KRW with the
 * rate shown. An unknown balance or a failed institution makes the totals it belongs to unknown (with the
 * reason), never zero; what is known is still summed apart (`knownAssets`).
 */
export function netWorth(
  holdings: readonly Holding[],
  failures: readonly Failure[] = [],
  history: readonly NetWorthPoint[] = [],
): NetWorth {
  const bySector = SECTORS.map((s) => {
    const items = holdings.filter((h) => h.sector === s.key);
    return { sector: s.key, ko: s.ko, en: s.en, items: items.length, ...totals(items, []) };
  }).filter((s) => s.items > 0);
  const orgs = new Map<string, Holding[]>();
  for (const h of holdings) orgs.set(h.orgCode, [...(orgs.get(h.orgCode) ?? []), h]);
  const byInstitution = [...orgs].map(([orgCode, items]) => ({
    orgCode,
    institution: items[0]!.institution,
    ...totals(
      items,
      failures.filter((f) => f.orgCode === orgCode),
    ),
  }));
  for (const f of failures) {
    if (!orgs.has(f.orgCode))
      byInstitution.push({ orgCode: f.orgCode, institution: f.institution, ...totals([], [f]) });
  }
  const fx = new Map<string, FxRate>();
  for (const h of holdings) if (h.foreign) fx.set(h.foreign.currency, h.foreign.rate);
  const unknowns = [
    ...holdings
      .filter((h) => !h.amount.known)
      .map((h) => ({
        item: `${h.institution} ${h.name ?? h.kind}`,
        reason: (h.amount as { reason: { ko: string; en: string } }).reason,
      })),
    ...failures.map((f) => ({ item: f.institution, reason: f.reason })),
  ];
  // Nothing connected (or nothing collected yet) is not a net worth of 0원: unknown, with why.
  const all =
    holdings.length === 0 && failures.length === 0
      ? {
          ...totals([], []),
          assets: NOTHING_CONNECTED,
          liabilities: NOTHING_CONNECTED,
          net: NOTHING_CONNECTED,
        }
      : totals(holdings, failures);
  return { ...all, bySector, byInstitution, fx: [...fx.values()], unknowns, history };
}

const NOTHING_CONNECTED = unknown<number>(
  'NOTHING_CONNECTED',
  '연결된 기관의 자산·부채 정보가 아직 없습니다',
  'no institution connected or collected yet',
);
