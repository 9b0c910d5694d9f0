import { randomBytes } from 'node:crypto';

/** One person's visit to the consolidated consent view: their identity check, then their CI (memory only). */
export interface ViewTicket {
  readonly certTxId: string;
  readonly pageUrl: string;
  readonly expiresAt: number;
  ci?: string;
  name?: string;
}

/**
 * The visits in progress, by an opaque id the browser holds in an HttpOnly cookie. The CI is kept only here,
 * only for `ttlMs` (10 minutes by default): the portal stores no person.
 */
export class ViewTickets {
  readonly #tickets = new Map<string, ViewTicket>();
  constructor(
    private readonly nowMs: () => number,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  open(certTxId: string, pageUrl: string): { id: string; ticket: ViewTicket } {
    const now = this.nowMs();
    for (const [id, t] of this.#tickets) if (now >= t.expiresAt) this.#tickets.delete(id);
    const id = randomBytes(24).toString('base64url');
    const ticket: ViewTicket = { certTxId, pageUrl, expiresAt: now + this.ttlMs };
    this.#tickets.set(id, ticket);
    return { id, ticket };
  }

  get(id: string | undefined): ViewTicket | undefined {
    const t = id === undefined ? undefined : this.#tickets.get(id);
    if (!t) return undefined;
    if (this.nowMs() >= t.expiresAt) {
      this.#tickets.delete(id as string);
      return undefined;
    }
    return t;
  }

  close(id: string): void {
    this.#tickets.delete(id);
  }

  get ttlSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }
}
