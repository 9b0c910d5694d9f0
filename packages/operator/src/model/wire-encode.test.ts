import {
  CATALOGUE,
  decodeMessage,
  encodeMessage,
  type Shape,
  type WireJson,
  type WireObject,
  type WireType,
} from '@hannun/spec';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { encodeAnswer } from './wire-encode.ts';

const INFO = CATALOGUE.filter((api) => api.group === 'info');
const GATES = new Set(['is_consent_trans_memo', 'is_consent_merchant_name_regno', 'is_consent_trans_category']);

const CHARS: Record<string, string> = {
  AN: 'AZ09',
  aN: 'aZ09',
  aNS: 'aZ0 -_',
  A: 'AZ',
  a: 'az',
  NS: '09-',
  B64: 'aZ09+/',
};
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A valid wire string of the type, drawn from `r` (0 ≤ r < 1). */
function wireOf(t: WireType, r: number): string {
  const int = (max: number) => Math.floor(r * max);
  switch (t.kind) {
    case 'N': {
      const n = String(int(10 ** Math.min(t.digits, 15)));
      return t.signed && r > 0.5 ? `-${n}` : n;
    }
    case 'F': {
      const whole = String(int(10 ** Math.min(t.precision - t.scale, 12)));
      const frac =
        t.scale > 0
          ? `.${
              String(int(10 ** t.scale))
                .padStart(t.scale, '0')
                .replace(/0+$/, '') || '5'
            }`
          : '';
      return `${t.signed && r > 0.5 ? '-' : ''}${whole}${frac}`;
    }
    case 'AH':
      return '가나다 abc'.slice(0, Math.max(1, Math.min(6, Math.floor(t.bytes / 3))));
    case 'DATE':
    case 'DTIME':
    case 'MONTH': {
      const d = new Temporal.PlainDate(1, 1, 1).add({ days: int(3_652_058) });
      const date = `${pad(d.year, 4)}${pad(d.month, 2)}${pad(d.day, 2)}`;
      if (t.kind === 'MONTH') return date.slice(0, 6);
      return t.kind === 'DATE' ? date : `${date}${pad(int(24), 2)}${pad(int(60), 2)}${pad(int(60), 2)}`;
    }
    case 'BOOL':
      return r > 0.5 ? 'true' : 'false';
    default: {
      const cs = CHARS[t.kind]!;
      return Array.from({ length: Math.max(1, Math.min(t.length, 5)) }, (_, i) => cs[(int(97) + i) % cs.length]).join(
        '',
      );
    }
  }
}

/** A wire message of the shape: every field present (lists of 0…2 items), values drawn from `rs`. */
function messageOf(shape: Shape, rs: () => number): WireObject {
  const out: WireObject = {};
  for (const node of shape) {
    if (node.kind === 'field') {
      if (node.pattern) continue;
      out[node.name] = node.values ? node.values[Math.floor(rs() * node.values.length)]! : wireOf(node.type, rs());
    } else if (node.kind === 'object') out[node.name] = messageOf(node.shape, rs);
    else {
      const items: WireJson[] = Array.from({ length: Math.floor(rs() * 3) }, () => messageOf(node.item, rs));
      out[node.name] = items;
      if (node.count) out[node.count.name] = String(items.length);
    }
  }
  return out;
}

/** A small seeded generator (mulberry32): the same seed, the same message. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const failure = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message, ...(e as object) };
  }
};

describe('encodeAnswer: the spec’s encodeMessage for the model, with cheaper dates', () => {
  it('gives encodeMessage’s output for every information API’s answers, with and without withheld fields', () => {
    expect(INFO.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.constantFrom(...INFO), fc.integer(), (api, seed) => {
        const wire = messageOf(api.response, random(seed));
        const decoded = decodeMessage(api.response, wire, { location: 'response' });
        for (const withheld of [new Set<string>(), GATES]) {
          expect(encodeAnswer(api.response, decoded, withheld)).toEqual(
            encodeMessage(api.response, decoded, { withheld, location: 'response' }),
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fails exactly as encodeMessage does: dates beyond year 9999 or before 1, wrong types, missing fields', () => {
    const outOfRange: Partial<Record<WireType['kind'], unknown[]>> = {
      DATE: [new Temporal.PlainDate(10_000, 1, 1), new Temporal.PlainDate(0, 1, 1), new Temporal.PlainDate(-1, 1, 1)],
      DTIME: [new Temporal.PlainDateTime(10_000, 1, 1), new Temporal.PlainDateTime(0, 12, 31, 23, 59, 59)],
      MONTH: [new Temporal.PlainYearMonth(10_000, 1), new Temporal.PlainYearMonth(0, 12)],
    };
    const wrong = ['20240101', true, 12, {}, new Temporal.PlainDate(2024, 1, 1), new Temporal.PlainYearMonth(2024, 1)];
    let cases = 0;
    let failed = 0;
    for (const api of INFO) {
      const shape = api.response;
      const ok = decodeMessage(shape, messageOf(shape, random(7)), { location: 'response' }) as Record<string, unknown>;
      const list = shape.find((n) => n.kind === 'list');
      const places: { fields: Shape; put: (name: string, v: unknown) => Record<string, unknown> }[] = [
        { fields: shape, put: (name, v) => ({ ...ok, [name]: v }) },
      ];
      if (list?.kind === 'list') {
        const item = messageOf(list.item, random(9));
        places.push({ fields: list.item, put: (name, v) => ({ ...ok, [list.name]: [{ ...item, [name]: v }] }) });
      }
      for (const { fields, put } of places) {
        for (const n of fields) {
          if (n.kind !== 'field') continue;
          for (const v of [...(outOfRange[n.type.kind] ?? []), ...wrong, ...(n.required ? [undefined] : [])]) {
            const value = put(n.name, v);
            const ours = failure(() => encodeAnswer(shape, value, new Set()));
            expect(ours).toEqual(failure(() => encodeMessage(shape, value as never, { location: 'response' })));
            cases++;
            if (ours) failed++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(1000);
    expect(failed).toBeGreaterThan(cases / 2);
  });
});
