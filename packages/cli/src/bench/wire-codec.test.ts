import { apiById, decodeMessage, encodeMessage } from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import { wireCodecBenchmark } from './wire-codec.ts';
import { buildDepositTransactionsPage } from './wire-page.ts';

describe('wire codec benchmark', () => {
  it('builds a valid 은행-004 page of 500 transactions that survives decode and encode', () => {
    const text = buildDepositTransactionsPage(500);
    const wire = JSON.parse(text) as Record<string, unknown>;
    expect(wire).toMatchObject({ rsp_code: '00000', trans_cnt: '500' });
    const api = apiById('은행-004');
    const inner = decodeMessage(api.response, wire, { location: 'response', unknown: 'strip' }) as Record<
      string,
      unknown
    >;
    expect(inner['trans_list']).toHaveLength(500);
    const { rsp_code: _c, rsp_msg: _m, ...body } = wire;
    expect(encodeMessage(api.response, inner as never)).toEqual(body);
  });

  it('is deterministic', () => {
    expect(buildDepositTransactionsPage(20)).toBe(buildDepositTransactionsPage(20));
  });

  it('reports ops/s for each case and the decode/parse ratio from one run', async () => {
    const result = await wireCodecBenchmark({ transactions: 20, warmup: 1, iterations: 2, rounds: 1 }).run();
    const byName = new Map(result.measurements.map((m) => [m.name, m]));
    for (const name of ['JSON.parse', 'JSON.parse + decodeMessage', 'encodeMessage + JSON.stringify']) {
      expect(byName.get(name)?.unit).toBe('ops/s');
      expect(byName.get(name)!.value).toBeGreaterThan(0);
    }
    const ratio = byName.get('decode cost: (parse + decode) time / parse time')!;
    expect(ratio.unit).toBe('ratio');
    expect(ratio.value).toBeCloseTo(
      byName.get('JSON.parse')!.value / byName.get('JSON.parse + decodeMessage')!.value,
      6,
    );
    expect(result.parameters).toMatchObject({ api: '은행-004', transactions: 20 });
  });
});
