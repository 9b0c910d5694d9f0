import { apiById, decodeMessage, encodeMessage } from '@hannun/spec';
import type { Benchmark, BenchResult } from './bench-types.ts';
import { blackhole, type MeasureOptions, measureSideBySide } from './measure.ts';
import { buildDepositTransactionsPage } from './wire-page.ts';

export const WIRE_CODEC_DEFAULTS: MeasureOptions & { readonly transactions: number } = {
  transactions: 500,
  warmup: 30,
  iterations: 100,
  rounds: 9,
};

const CASES = {
  parse: 'JSON.parse',
  parseDecode: 'JSON.parse + decodeMessage',
  encodeStringify: 'encodeMessage + JSON.stringify',
  stringify: 'JSON.stringify (already wire values)',
} as const;

/**
 * Wire codec throughput on a 은행-004 answer page: what the typed decode costs on top of JSON.parse
 * (what every operator pays per page collected), and what encoding costs on top of JSON.stringify
 * (what every provider pays per page served).
 */
export function wireCodecBenchmark(opts: Partial<typeof WIRE_CODEC_DEFAULTS> = {}): Benchmark {
  const o = { ...WIRE_CODEC_DEFAULTS, ...opts };
  return {
    name: 'wire-codec',
    description: `Wire codec throughput: a 은행-004 page of ${o.transactions} transactions, parsed, decoded and encoded`,
    async run(): Promise<BenchResult> {
      const api = apiById('은행-004');
      const text = buildDepositTransactionsPage(o.transactions);
      const wire = JSON.parse(text) as Record<string, unknown>;
      const inner = decodeMessage(api.response, wire, { location: 'response' });
      const envelope = { rsp_code: '00000', rsp_msg: '성공' };
      const ops = measureSideBySide(
        [
          { name: CASES.parse, fn: () => JSON.parse(text) },
          {
            name: CASES.parseDecode,
            fn: () => decodeMessage(api.response, JSON.parse(text), { location: 'response' }),
          },
          {
            name: CASES.encodeStringify,
            fn: () => JSON.stringify({ ...envelope, ...encodeMessage(api.response, inner) }),
          },
          { name: CASES.stringify, fn: () => JSON.stringify(wire) },
        ],
        o,
      );
      blackhole();
      const get = (name: string) => ops.get(name) ?? Number.NaN;
      const bytes = Buffer.byteLength(text);
      return {
        parameters: {
          api: '은행-004',
          transactions: o.transactions,
          'page size (bytes)': bytes,
          warmup: o.warmup,
          'iterations per round': o.iterations,
          rounds: o.rounds,
        },
        measurements: [
          ...Object.values(CASES).map((name) => ({ name, value: get(name), unit: 'ops/s' as const })),
          {
            name: 'decode cost: (parse + decode) time / parse time',
            value: get(CASES.parse) / get(CASES.parseDecode),
            unit: 'ratio',
            note: 'how many times longer a page takes to read with typed decoding than with JSON.parse alone',
          },
          {
            name: 'encode cost: (encode + stringify) time / stringify time',
            value: get(CASES.stringify) / get(CASES.encodeStringify),
            unit: 'ratio',
          },
          { name: 'JSON.parse throughput', value: (get(CASES.parse) * bytes) / 1e6, unit: 'MB/s' },
          {
            name: 'decoded transactions per second',
            value: get(CASES.parseDecode) * o.transactions,
            unit: 'ops/s',
            note: 'one op = one transaction read and typed',
          },
        ],
      };
    },
  };
}
