import type { CustomerBook, Holding, InstitutionBook } from '@hannun/provider';
import { describe, expect, it } from 'vitest';
import { bookWithPeople } from './bench-person-book.ts';

const holding = { id: 'h1', listApi: '은행-001', key: { account_num: '1' } } as unknown as Holding;
const customerBook = (ci: string): CustomerBook => ({
  ci,
  pure: true,
  holdings: (api) => (api === '은행-001' ? [holding] : []),
  snapshot: () => ({ body: { ci }, changedAt: 0 }),
  series: () => [{ ci }],
});
const inner: InstitutionBook = {
  orgCode: 'BKNURI0001',
  customer: (ci) => (ci === 'REAL1' || ci === 'REAL2' ? customerBook(ci) : undefined),
  customers: () => ['REAL1', 'REAL2'],
};

describe('bookWithPeople', () => {
  const book = bookWithPeople(inner, 'REAL1', ['BENCH1', 'BENCH2']);

  it('makes each person a customer holding what the stand-in holds, under their own CI', () => {
    const person = book.customer('BENCH2')!;
    expect(person.ci).toBe('BENCH2');
    expect(person.pure).toBe(true);
    expect(person.holdings('은행-001', null as never)).toEqual([holding]);
    expect(person.series('은행-004', holding, null as never)).toEqual([{ ci: 'REAL1' }]);
    expect(person.snapshot('은행-002', holding, null as never)?.body).toEqual({ ci: 'REAL1' });
  });

  it('leaves the book’s own customers as they are, lists everyone once, and knows nobody else', () => {
    expect(book.customer('REAL2')?.ci).toBe('REAL2');
    expect(book.customer('NOBODY')).toBeUndefined();
    expect([...book.customers()]).toEqual(['BENCH1', 'BENCH2', 'REAL1', 'REAL2']);
    expect(book.orgCode).toBe('BKNURI0001');
  });

  it('refuses a stand-in who is not a customer of the book', () => {
    expect(() => bookWithPeople(inner, 'NOBODY', ['BENCH1'])).toThrow(/not a customer of BKNURI0001/);
  });
});
