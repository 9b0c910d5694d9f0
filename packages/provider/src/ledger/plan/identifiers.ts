/**
 * Identifiers of holdings, unique within an institution by construction: the customer number and the
 * slot number go through an affine bijection modulo 10^9 (or 16^12), so two holdings never share a number
 * and the numbers look scattered, not sequential.
 */
const M9 = 1_000_000_000n;
const A9 = 387_420_489n; // 3^18, coprime with 10^9
const B9 = 271_828_183n;

function scatter9(customer: number, slot: number, salt: number): string {
  const x = BigInt(customer) * 64n + BigInt(slot % 64);
  const y = (A9 * x + B9 + BigInt(salt) * 7_919n) % M9;
  return y.toString().padStart(9, '0');
}

const M12 = 16n ** 12n;
const A12 = 0x5851f42dn * 2n + 1n;

function scatterHex(customer: number, slot: number, salt: number): string {
  const x = BigInt(customer) * 64n + BigInt(slot % 64) + BigInt(salt) * 0x1000000000n;
  return ((A12 * x + 0x9e3779b97n) % M12).toString(16).padStart(12, '0');
}

/** A bank-style account number: product prefix and 9 scattered digits, e.g. 110-482-913027. */
export function accountNumber(prefix: string, customer: number, slot: number, salt = 0): string {
  const d = scatter9(customer, slot, salt);
  return `${prefix}-${d.slice(0, 3)}-${d.slice(3)}`;
}

/** A securities account number, e.g. 7012-3456-78. */
export function securitiesAccountNumber(customer: number, slot: number, salt = 0): string {
  const d = scatter9(customer, slot, salt);
  return `7${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
}

/** An opaque, URL-safe id with a prefix (card_id, pp_id, fob_id, mgmt_id …). */
export function opaqueId(prefix: string, customer: number, slot: number, salt = 0): string {
  return `${prefix}${scatterHex(customer, slot, salt)}`;
}

/** A policy number: year letter code and 10 digits, e.g. L2019-4829130271. */
export function policyNumber(letter: string, year: number, customer: number, slot: number): string {
  const d = scatter9(customer, slot, 3);
  return `${letter}${year}-${d}${slot % 10}`;
}

/** A masked card number as card lists show it: 9410-12**-****-3456. */
export function maskedCardNumber(bin: string, customer: number, slot: number): string {
  const d = scatter9(customer, slot, 5);
  return `${bin}-${d.slice(0, 2)}**-****-${d.slice(5, 9)}`;
}

/** A masked mobile number: 010-****-1234. */
export function maskedPhone(customer: number, slot: number): string {
  const d = scatter9(customer, slot, 9);
  return `010-****-${d.slice(5, 9)}`;
}

/** A Korean car number, e.g. 123가4567. */
export function carNumber(customer: number): string {
  const d = scatter9(customer, 0, 11);
  const letters = [
    '가',
    '나',
    '다',
    '라',
    '마',
    '거',
    '너',
    '더',
    '러',
    '머',
    '버',
    '서',
    '어',
    '저',
    '고',
    '노',
    '도',
    '로',
    '모',
    '보',
    '소',
    '오',
    '조',
    '구',
    '누',
    '두',
    '루',
    '무',
    '부',
    '수',
    '우',
    '주',
  ];
  return `${d.slice(0, 3)}${letters[Number(d.slice(3, 5)) % letters.length]}${d.slice(5, 9)}`;
}
