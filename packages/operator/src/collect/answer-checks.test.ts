import { apiById } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { kstToEpochMs } from '@hannun/provider';
import { lyingTimestamp, outsidePeriod } from './answer-checks.ts';

const NOW = kstToEpochMs(2026, 3, 10, 3, 0, 0);
const PERIOD = { from: Temporal.PlainDate.from('2026-02-01'), to: Temporal.PlainDate.from('2026-02-28') };

describe('answer checks: a provider lying about time', () => {
  it('은행-001 search_timestamp: from the future or earlier than the one sent is refused (lying-timestamp)', () => {
    const api = apiById('은행-001');
    expect(lyingTimestamp(api, '0', 20260310030001, NOW)).toBeUndefined();
    expect(lyingTimestamp(api, '0', 20260310030400, NOW)).toBeUndefined(); // within the 5 minutes' skew
    expect(lyingTimestamp(api, '20260301000000', undefined, NOW)).toBeUndefined();
    expect(lyingTimestamp(api, '0', 20260311030000, NOW)?.en).toMatch(/from the future/);
    expect(lyingTimestamp(api, '20260301000000', 20260228000000, NOW)).toMatchObject({ code: 'lying-timestamp' });
    expect(lyingTimestamp(api, '0', 2026031003, NOW)?.en).toMatch(/not a YYYYMMDDhhmmss/);
    expect(lyingTimestamp(apiById('은행-004'), '0', 20990101000000, NOW)).toBeUndefined(); // no timestamp there
  });

  it('은행-004 and 카드-004: a row dated outside the period asked for is refused (out-of-period)', () => {
    const tx = (d: string) => ({ trans_list: [{ trans_dtime: Temporal.PlainDateTime.from(d) }] });
    const api = apiById('은행-004');
    expect(outsidePeriod(api, [tx('2026-02-01T00:00:00'), tx('2026-02-28T23:59:59')], PERIOD)).toBeUndefined();
    expect(outsidePeriod(api, [tx('2026-02-10T00:00:00'), tx('2026-03-01T00:00:00')], PERIOD)?.code).toBe(
      'out-of-period',
    );
    expect(outsidePeriod(api, [tx('2026-01-31T23:59:59')], PERIOD)?.code).toBe('out-of-period');
    const bills = (m: string) => [{ bill_list: [{ charge_month: Temporal.PlainYearMonth.from(m) }] }];
    expect(outsidePeriod(apiById('카드-004'), bills('2026-02'), PERIOD)).toBeUndefined();
    expect(outsidePeriod(apiById('카드-004'), bills('2026-03'), PERIOD)?.code).toBe('out-of-period');
  });
});
