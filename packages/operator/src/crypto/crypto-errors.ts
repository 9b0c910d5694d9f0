/**
 * What can go wrong when a sealed value is opened or a key is looked up. Messages name the table, column
 * and row (never a value, a key or a token), so every one of these can be logged as it is.
 */
export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';
  readonly code = 'OP_SEALED_VALUE';
}

/** The person's data key does not exist: destroyed when they left (crypto-shredding), or never created. */
export class DataKeyMissing extends Error {
  override readonly name = 'DataKeyMissing';
  readonly code = 'OP_DATA_KEY_MISSING';

  constructor(
    readonly personId: string,
    version?: number,
  ) {
    super(
      `no data key${version === undefined ? '' : ` version ${version}`} for person ${personId}: destroyed (the person left) or never created`,
    );
  }
}

/** The operator's key file or secret is missing, malformed or readable by others. */
export class KeyRingError extends Error {
  override readonly name = 'KeyRingError';
  readonly code = 'OP_KEY_RING';
}
