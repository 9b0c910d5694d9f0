/**
 * UTF-8 byte length of a string, as AH(n) counts it (3 bytes per Hangul syllable). Counted by code point
 * so that the spec package runs in browsers too (no Buffer); a lone surrogate counts as U+FFFD (3 bytes),
 * which is what an encoder would send.
 */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
