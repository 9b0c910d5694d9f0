import fc from 'fast-check';

/** Strings an attacker sends: SQL and script injection, path traversal, control characters, huge numbers. */
export const INJECTIONS: readonly string[] = [
  "' OR 1=1 --",
  '"; DROP TABLE provider_pair; --',
  "1'; DELETE FROM op_person WHERE '1'='1",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '\u0000',
  'a\u0000b',
  '\u0001\u0007\u001b[31m\u007f',
  '\r\nSet-Cookie: x=1',
  `$${'{'}jndi:ldap://127.0.0.1/a}`,
  '{{7*7}}',
  '9'.repeat(400),
  '1e309',
  '-1',
  'NaN',
  '__proto__',
  '\ud800',
];

/** Invalid percent-encodings, written raw into a query string. */
export const BAD_PERCENT: readonly string[] = ['%', '%ZZ', '%C3%28', '%FF%FE%FD', '%E0%80%AF', '%00'];

/** A string of 10 kB or more. */
export const oversized = fc.integer({ min: 10_240, max: 16_384 }).map((n) => 'A'.repeat(n));

/** One hostile string (for a query value, a header, a path segment). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: oversized },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** One hostile JSON value: a hostile string, or a value of the wrong kind where a string goes. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1, 1.5, 2 ** 64, Number.MAX_SAFE_INTEGER + 2) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, {}, { $ne: '' }, { __proto__: { admin: true } }) },
);

/** The characters to keep out of a header undici sends. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to strip
export const headerSafe = (s: string) => s.replace(/[\u0000-\u001f\u007f-\uffff]/g, '?');

/** A header value undici can send (no control characters): injections and oversized values. */
export const hostileHeader: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS.filter((s) => headerSafe(s) === s)),
  oversized,
);
