/**
 * A sealed column value that does not open: not a sealed value, sealed under a key version this service no
 * longer has, or sealed for another table, column or row (or altered). The message names the place, never
 * the value or a key, so it can be logged as it is.
 */
export class SealError extends Error {
  override readonly name = 'SealError';
  readonly code = 'SEALED_VALUE';
}
