/**
 * A 64-bit integer (or numeric) read from the database is beyond Number.MAX_SAFE_INTEGER, so it cannot
 * be a JavaScript number without losing precision. Thrown instead of returning a wrong amount.
 */
export class StoreRangeError extends RangeError {
  override readonly name = 'StoreRangeError';
  readonly code = 'STORE_RANGE';

  constructor(
    /** The column (or result name) the value came from, when known. */
    readonly column: string | undefined,
  ) {
    super(
      `a value${column ? ` in ${column}` : ''} is beyond ±${Number.MAX_SAFE_INTEGER} (Number.MAX_SAFE_INTEGER) and cannot be read as a number without losing precision`,
    );
  }
}
