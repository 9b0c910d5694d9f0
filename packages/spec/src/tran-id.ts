/**
 * `x-api-tran-id`, AN(25): org_code (10) + generator code (1) + a 14-character 부여번호.
 * Provisional: the 14-character length and upper-case alphanumerics of the 부여번호 are inferred from the
 * AN(25) type (the notes' open question 1); `A` for the integrated CA is accepted as one implementation does.
 */
export const TRAN_ID_GENERATORS = {
  M: { ko: '마이데이터사업자', en: 'MyData operator' },
  S: { ko: '정보제공자', en: 'Information provider' },
  R: { ko: '중계기관', en: 'Relay' },
  C: { ko: '정보수신자', en: 'Information recipient' },
  P: { ko: '종합포털', en: 'Portal' },
  A: { ko: '통합인증기관 (잠정)', en: 'Integrated CA (provisional)' },
} as const;

export type TranIdGenerator = keyof typeof TRAN_ID_GENERATORS;

export const TRAN_ID_LENGTH = 25;
const ORG_CODE_LENGTH = 10;
const SERIAL_LENGTH = 14;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PATTERN = /^([A-Z0-9]{10})([MSRCPA])([A-Z0-9]{14})$/;

export interface TranIdParts {
  readonly orgCode: string;
  readonly generator: TranIdGenerator;
  readonly serial: string;
}

/** A source of random bytes; the default is Web Crypto (Node and browsers). */
export type RandomBytes = (n: number) => Uint8Array;

const defaultRandom: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/**
 * Generate a tran id. org_code must be 10 upper-case letters or digits. The serial is 14 random base-36
 * characters (~72 bits), so duplicates within a day are vanishingly unlikely.
 */
export function generateTranId(
  orgCode: string,
  generator: TranIdGenerator,
  random: RandomBytes = defaultRandom,
): string {
  if (!/^[A-Z0-9]{10}$/.test(orgCode)) {
    throw new RangeError(
      `org_code must be ${ORG_CODE_LENGTH} upper-case letters or digits to build an x-api-tran-id, got '${orgCode}'`,
    );
  }
  // Rejection sampling keeps the characters uniform (252 = 7 * 36).
  let serial = '';
  while (serial.length < SERIAL_LENGTH) {
    for (const b of random(SERIAL_LENGTH * 2)) {
      if (b < 252 && serial.length < SERIAL_LENGTH) serial += ALPHABET[b % 36];
    }
  }
  return `${orgCode}${generator}${serial}`;
}

/** Parse a tran id, or return null when it is not 25 characters of the standard's form. */
export function parseTranId(value: string): TranIdParts | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  return { orgCode: m[1]!, generator: m[2] as TranIdGenerator, serial: m[3]! };
}

export function isValidTranId(value: string): boolean {
  return PATTERN.test(value);
}
