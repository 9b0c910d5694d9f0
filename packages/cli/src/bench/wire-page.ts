import { seededRandom } from '@hannun/infra';
import { apiById, type Shape, type ShapeNode, type WireJson, type WireObject, type WireType } from '@hannun/spec';

const MEMOS = [
  '급여',
  '스타벅스 강남역점',
  'GS25 역삼점',
  '관리비 자동이체',
  '카카오페이 충전',
  '쿠팡',
  '교통카드 충전',
  '이자',
  '김하늘 송금',
  '통신요금',
];
const CLASSES = ['입금', '출금', '이체', '카드결제', '자동이체'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A plausible wire value of a type, for fields this builder has no realistic value for. */
function valueOfType(t: WireType, rnd: () => number): string {
  const digits = (n: number) => String(Math.floor(rnd() * 10 ** Math.min(n, 12)));
  switch (t.kind) {
    case 'N':
      return digits(Math.min(t.digits, 6));
    case 'F':
      return `${digits(Math.min(t.precision - t.scale, 7))}${t.scale > 0 ? `.${'5'.padEnd(Math.min(t.scale, 2), '0')}` : ''}`;
    case 'AH':
      return '한눈'.slice(0, Math.max(1, Math.floor(t.bytes / 3)));
    case 'AN':
    case 'A':
      return 'AB12'.replace(/\d/g, t.kind === 'A' ? 'C' : '1').slice(0, t.length);
    case 'a':
      return 'ab'.slice(0, t.length);
    case 'aN':
    case 'aNS':
    case 'B64':
      return 'Ab12'.slice(0, t.length);
    case 'NS':
      return '12-3'.slice(0, t.length);
    case 'DATE':
      return '20240115';
    case 'DTIME':
      return '20240115093012';
    case 'MONTH':
      return '202401';
    case 'BOOL':
      return 'true';
  }
}

interface TransactionState {
  i: number;
  readonly rnd: () => number;
  balance: number;
}

/** Realistic values for the fields of a deposit-account transaction (은행-004). */
function transactionValue(name: string, s: TransactionState): string | undefined {
  switch (name) {
    case 'trans_dtime': {
      const second = 31 * 86400 - 1 - s.i * 5000; // newest first, spread over the month
      const day = 1 + Math.floor(second / 86400);
      const rest = second % 86400;
      return `202401${pad(day, 2)}${pad(Math.floor(rest / 3600), 2)}${pad(Math.floor((rest % 3600) / 60), 2)}${pad(rest % 60, 2)}`;
    }
    case 'trans_no':
      return `T${pad(2024_0000_0000 + s.i, 12)}`;
    case 'trans_type':
      return s.rnd() < 0.3 ? '01' : '02';
    case 'trans_class':
      return CLASSES[Math.floor(s.rnd() * CLASSES.length)];
    case 'currency_code':
      return 'KRW';
    case 'trans_amt': {
      const amt = (Math.floor(s.rnd() * 300) + 1) * 100;
      s.balance += s.rnd() < 0.3 ? amt : -amt;
      return String(amt);
    }
    case 'balance_amt':
      return String(s.balance);
    case 'trans_memo':
      return MEMOS[Math.floor(s.rnd() * MEMOS.length)];
    case 'paid_in_cnt':
      return undefined; // a deposit account without instalments
    default:
      return undefined;
  }
}

function buildObject(shape: Shape, s: TransactionState): WireObject {
  const out: WireObject = {};
  for (const node of shape) {
    const v = buildNode(node, s);
    if (v !== undefined) out[node.name] = v;
  }
  return out;
}

function buildNode(node: ShapeNode, s: TransactionState): WireJson | undefined {
  switch (node.kind) {
    case 'field':
      return (
        transactionValue(node.name, s) ??
        (node.required ? (node.values?.[0] ?? valueOfType(node.type, s.rnd)) : undefined)
      );
    case 'object':
      return buildObject(node.shape, s);
    case 'list':
      return [];
  }
}

/**
 * A 은행-004 (deposit account transactions) answer page of `count` transactions as wire JSON text, with
 * the rsp_code envelope, a next_page cursor and realistic values; fields the builder does not know
 * get a valid value of their type, so the page follows the catalogue as it changes.
 */
export function buildDepositTransactionsPage(count = 500, seed = 4): string {
  const api = apiById('은행-004');
  const list = api.response.find((n) => n.kind === 'list');
  if (list?.kind !== 'list') throw new Error('은행-004 has no transaction list in its response shape');
  const s: TransactionState = { i: 0, rnd: seededRandom(seed), balance: 5_000_000 };
  const items: WireObject[] = [];
  for (let i = 0; i < count; i++) {
    s.i = i;
    items.push(buildObject(list.item, s));
  }
  const page: WireObject = { rsp_code: '00000', rsp_msg: '성공' };
  for (const node of api.response) {
    if (node === list) {
      if (list.count) page[list.count.name] = String(count);
      page[list.name] = items;
    } else if (node.name === 'next_page') page[node.name] = '20240101000000:500';
    else {
      const v = buildNode(node, s);
      if (v !== undefined && node.required) page[node.name] = v;
    }
  }
  return JSON.stringify(page);
}
