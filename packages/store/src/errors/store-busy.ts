/**
 * SQLite's single writer stayed busy longer than the busy timeout: another store in this process (or
 * another process) held a write transaction all that time. Keep transactions short, and never wait for
 * the network inside one.
 */
export class StoreBusy extends Error {
  override readonly name = 'StoreBusy';
  readonly code = 'STORE_BUSY';

  constructor(
    readonly file: string,
    readonly waitedMs: number,
  ) {
    super(`the SQLite database ${file} stayed locked by another writer for ${waitedMs} ms (busy timeout)`);
  }
}
