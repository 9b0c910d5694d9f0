/**
 * A mobile number in its domestic digits (01012345678), from the forms operators send: `010-1234-5678`,
 * `+82-10-1234-5678`, `821012345678` (RB sends +82). Undefined when it is not a Korean mobile number.
 */
export function normalisePhone(raw: string): string | undefined {
  let digits = raw.replace(/[\s().-]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^[0-9]+$/.test(digits)) return undefined;
  if (digits.startsWith('82')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
  return /^01[016789][0-9]{7,8}$/.test(digits) ? digits : undefined;
}
