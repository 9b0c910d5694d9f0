import type { CursorCodec, CursorPosition } from '../cursor/cursor-codec.ts';
import { type CheckFailure, fail } from './check-failure.ts';

/**
 * Step 15, 40001 naming next_page: a continuation page's cursor must be one this engine issued for this
 * very request (institution, API, consent, asset, filter values: the binding). Returns null on a first page.
 * It precedes the cycle step, which counts first pages only: a made-up cursor cannot dodge the count.
 */
export function checkCursor(
  nextPage: unknown,
  binding: string,
  codec: CursorCodec,
): CursorPosition | null | CheckFailure {
  if (nextPage === undefined) return null;
  const position = typeof nextPage === 'string' ? codec.decode(binding, nextPage) : undefined;
  return (
    position ??
    fail('40001', 'next_page: 유효하지 않은 다음 페이지 기준개체입니다', 'next_page cursor not issued for this request')
  );
}
