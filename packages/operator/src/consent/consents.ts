import { randomBytes } from 'node:crypto';
import type { Registry } from '@hannun/registry';
import {
  type ConsentAsset,
  type ConsentDocument,
  type Industry,
  INDUSTRY_SCOPES,
  listScope,
  parseConsentDocument,
} from '@hannun/spec';
import type { Kysely, Store, Transaction } from '@hannun/store';
import { type PersonCipher, personCipher } from '../crypto/field-cipher.ts';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import type { AuditLog } from '../records/audit-log.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { invalid, OperatorError } from '../shared/operator-error.ts';
import type { Clock } from '../time/clock.ts';
import { addKstMonths, formatYmd, kstDate } from '../time/kst.ts';
import type { TokenVault } from '../vault/token-vault.ts';
import { canExtend, extensionOpensOn, isPastEnd } from './consent-dates.ts';
import {
  type AuthPath,
  type CheckedDraft,
  type ConsentDraft,
  type ConsentFlags,
  checkDraft,
  type Recipient,
} from './consent-draft.ts';
import {
  type ConsentEvent,
  type ConsentStatus,
  type EndReason,
  isConsentStatus,
  nextStatus,
} from './consent-status.ts';
import { type FollowUp, FollowUps } from './follow-ups.ts';
import { STOP_SCHEDULED_AFTER_MONTHS, scheduledCollectionAllowed } from './inactivity.ts';

const T = 'op_consent';
const DAY_MS = 24 * 60 * 60_000;
type Db = Kysely<OperatorDatabase>;
type Row = OperatorDatabase['op_consent'];

/** One version of a consent, without the sealed parts (assets, document, signature: see `document`). */
export interface ConsentRecord {
  readonly id: string;
  readonly personId: string;
  readonly orgCode: string;
  readonly industry: Industry;
  readonly version: number;
  readonly status: ConsentStatus;
  readonly authPath: AuthPath;
  readonly recipient: Recipient;
  readonly scopes: readonly string[];
  readonly target: 'all' | 'list';
  readonly assetCount: number;
  readonly isScheduled: boolean;
  readonly fndCycle: string;
  readonly addCycle: string;
  readonly endDate: string;
  readonly purpose: string;
  readonly period: string;
  readonly flags: ConsentFlags;
  readonly consentDate: string;
  readonly proposal: 'new' | 'change' | 'extension';
  readonly supersedesId: string | null;
  readonly batchId: string | null;
  readonly signed: boolean;
  readonly createdAt: number;
  readonly activatedAt: number | null;
  readonly endedAt: number | null;
  readonly endedReason: EndReason | null;
}

function toRecord(r: Row): ConsentRecord {
  if (!isConsentStatus(r.status)) throw new Error(`op_consent ${r.id} holds an unknown status`);
  return {
    id: r.id,
    personId: r.person_id,
    orgCode: r.org_code,
    industry: r.industry as Industry,
    version: Number(r.version),
    status: r.status,
    authPath: r.auth_path as AuthPath,
    recipient: { orgCode: r.rcv_org_code, clientId: r.client_id },
    scopes: r.scope.split(' '),
    target: r.target as 'all' | 'list',
    assetCount: Number(r.asset_count),
    isScheduled: r.is_scheduled,
    fndCycle: r.fnd_cycle,
    addCycle: r.add_cycle,
    endDate: r.end_date,
    purpose: r.purpose,
    period: r.period,
    flags: {
      transMemo: r.is_consent_trans_memo,
      merchantNameRegno: r.is_consent_merchant_name_regno,
      transCategory: r.is_consent_trans_category,
    },
    consentDate: r.consent_date,
    proposal: r.proposal as ConsentRecord['proposal'],
    supersedesId: r.supersedes_id,
    batchId: r.batch_id,
    signed: r.signed_sealed !== null,
    createdAt: Number(r.created_at),
    activatedAt: r.activated_at === null ? null : Number(r.activated_at),
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
    endedReason: r.ended_reason as EndReason | null,
  };
}

/** A consent's end: the record as it is now and what the engine and the app must do next. */
export interface ConsentEnded {
  readonly consent: ConsentRecord;
  readonly followUps: readonly FollowUp[];
}

/** The choices of "connect a whole sector": one draft for every provider of the industry. */
export type SectorChoices = Omit<ConsentDraft, 'orgCode' | 'target' | 'assets' | 'scopes'> & {
  /** Consent scopes; default: every consent scope of the industry. */
  readonly scopes?: readonly string[];
};

export interface ConsentsOptions {
  readonly store: Store<OperatorDatabase>;
  readonly crypto: OperatorCrypto;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly registry: Registry;
  /** The operator and its service: the recipient of every consent. */
  readonly recipient: Recipient;
  readonly vault: TokenVault;
}

/**
 * consent/: the person's consents (전송요구) as versioned records. A proposal is `pending` until the
 * provider issued tokens (`activate`); a change or an extension is a new version that supersedes the live one
 * when it becomes active; withdrawal, expiry and leaving end a version and write follow-ups (revoke the tokens
 * at the provider, stop the jobs, offer deletion) in the same transaction. Every version is kept.
 */
export class Consents {
  readonly followUps: FollowUps;
  readonly #o: ConsentsOptions;

  constructor(o: ConsentsOptions) {
    this.#o = o;
    this.followUps = new FollowUps(o.crypto);
  }

  /**
   * Proposes a consent for one provider (pending, to be signed or authorised). A pending proposal for the
   * same provider is abandoned; when a version is active, this one is a change that supersedes it on activation.
   */
  async propose(personId: string, draft: ConsentDraft): Promise<ConsentRecord> {
    const checked = checkDraft(draft, this.#o.registry, this.#o.recipient, this.#o.clock.nowMs());
    return this.#o.store.transaction(async (trx) => {
      const c = personCipher(await this.#o.crypto.keys.load(trx, personId));
      const record = await this.#insert(trx, c, personId, checked, { proposal: 'new', batchId: null });
      await this.#audit(trx, personId, 'consent.propose', record);
      return record;
    });
  }

  /**
   * "Connect a whole sector" (MyData 2.0): one pending consent for every registered provider of the
   * industry, all assets, the same choices; proposed together (one batch) in one transaction.
   */
  async connectSector(personId: string, industry: Industry, choices: SectorChoices): Promise<ConsentRecord[]> {
    const providers = this.#o.registry.snapshot.orgs
      .filter((o) => (o.orgType === '01' || o.orgType === '02') && o.industry === industry)
      .sort((a, b) => a.orgCode.localeCompare(b.orgCode));
    if (providers.length === 0)
      throw invalid('industry', 'has no registered provider', '해당 업권의 정보제공자가 없습니다');
    const scopes = choices.scopes ?? INDUSTRY_SCOPES[industry].filter((s) => s !== listScope(industry));
    const now = this.#o.clock.nowMs();
    const checked = providers.map((p) =>
      checkDraft(
        { ...choices, scopes, orgCode: p.orgCode, target: 'all', assets: [] },
        this.#o.registry,
        this.#o.recipient,
        now,
      ),
    );
    const batchId = `b_${randomBytes(12).toString('base64url')}`;
    return this.#o.store.transaction(async (trx) => {
      const c = personCipher(await this.#o.crypto.keys.load(trx, personId));
      const out: ConsentRecord[] = [];
      for (const ch of checked) out.push(await this.#insert(trx, c, personId, ch, { proposal: 'new', batchId }));
      await this.#o.audit.append(trx, {
        actor: `person:${personId}`,
        action: 'consent.connect-sector',
        subject: personId,
        details: { industry, batch_id: batchId, consents: out.map((r) => r.id) },
      });
      return out;
    });
  }

  /** A change (전송요구 변경): a new version of the live consent with the changed items; pending until activated. */
  async change(
    personId: string,
    consentId: string,
    changes: Partial<Omit<ConsentDraft, 'orgCode'>>,
  ): Promise<ConsentRecord> {
    const live = await this.#own(personId, consentId);
    if (live.status !== 'active') throw stateError('only an active consent can be changed', live.status);
    const draft = { ...(await this.#draftOf(live)), ...changes, orgCode: live.orgCode };
    const checked = checkDraft(draft, this.#o.registry, this.#o.recipient, this.#o.clock.nowMs());
    return this.#o.store.transaction(async (trx) => {
      const c = personCipher(await this.#o.crypto.keys.load(trx, personId));
      const record = await this.#insert(trx, c, personId, checked, { proposal: 'change', batchId: null });
      await this.#audit(trx, personId, 'consent.change', record);
      return record;
    });
  }

  /**
   * An extension: allowed only from one month before the end date (GUIDE 3.4.4) up to it; a new version with
   * the new end date (at most 5 years from today) and otherwise the same items.
   */
  async extend(personId: string, consentId: string, endDate: string): Promise<ConsentRecord> {
    const live = await this.#own(personId, consentId);
    if (live.status !== 'active') throw stateError('only an active consent can be extended', live.status);
    const now = this.#o.clock.nowMs();
    if (!canExtend(live.endDate, now)) {
      throw new OperatorError(
        'OP_CONSENT_NOT_EXTENDABLE',
        `can be extended from ${extensionOpensOn(live.endDate)} (one month before the end date)`,
        `종료 1개월 전(${extensionOpensOn(live.endDate)})부터 연장할 수 있습니다`,
        'consentId',
      );
    }
    if (endDate <= live.endDate)
      throw invalid('endDate', 'must be after the current end date', '현재 종료일 이후여야 합니다');
    const checked = checkDraft({ ...(await this.#draftOf(live)), endDate }, this.#o.registry, this.#o.recipient, now);
    return this.#o.store.transaction(async (trx) => {
      const c = personCipher(await this.#o.crypto.keys.load(trx, personId));
      const record = await this.#insert(trx, c, personId, checked, { proposal: 'extension', batchId: null });
      await this.#audit(trx, personId, 'consent.extend', record);
      return record;
    });
  }

  /** Keeps the CA's signed consent (통합인증-103) with the pending version it signs. */
  async recordSignature(personId: string, consentId: string, signedConsent: string): Promise<void> {
    const r = await this.#own(personId, consentId);
    if (r.status !== 'pending') throw stateError('only a pending consent is signed', r.status);
    const { store, crypto } = this.#o;
    const c = await crypto.cipherFor(store.db, personId);
    await store.db
      .updateTable('op_consent')
      .set({ signed_sealed: c.seal(T, 'signed', consentId, signedConsent) })
      .where('id', '=', consentId)
      .where('status', '=', 'pending')
      .execute();
  }

  /**
   * The provider issued the tokens (store them in the vault first): the pending version becomes active, the
   * version it replaces (if any) superseded (`changed` or `extended`). Activating an active one is a no-op.
   */
  async activate(personId: string, consentId: string): Promise<ConsentRecord> {
    const now = this.#o.clock.nowMs();
    return this.#o.store.transaction(async (trx) => {
      const r = await this.#ownIn(trx, personId, consentId);
      if (r.status === 'active') return r;
      const live = await trx
        .selectFrom('op_consent')
        .selectAll()
        .where('person_id', '=', personId)
        .where('org_code', '=', r.orgCode)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (live) {
        const reason: EndReason = r.proposal === 'extension' ? 'extended' : 'changed';
        await this.#move(trx, live.id, 'active', 'supersede', now, reason);
      }
      await this.#move(trx, consentId, r.status, 'activate', now, null);
      const activated = await this.#ownIn(trx, personId, consentId);
      await this.#audit(trx, personId, 'consent.activate', activated);
      return activated;
    });
  }

  /**
   * Withdrawal (철회): the version ends `withdrawn`; for an active one the token pair moves from the vault to
   * the revocation outbox and the follow-ups are written (revoke at the provider, stop jobs, offer deletion).
   * Withdrawing a pending proposal only ends it.
   */
  async withdraw(personId: string, consentId: string): Promise<ConsentEnded> {
    return this.#o.store.transaction((trx) => this.withdrawIn(trx, personId, consentId, 'withdrawn'));
  }

  /** Withdrawal inside the caller's transaction (leaving the service withdraws everything at once). */
  async withdrawIn(
    trx: Transaction<OperatorDatabase>,
    personId: string,
    consentId: string,
    reason: 'withdrawn' | 'inactive',
  ): Promise<ConsentEnded> {
    const now = this.#o.clock.nowMs();
    const r = await this.#ownIn(trx, personId, consentId);
    if (r.status !== 'active' && r.status !== 'pending') throw stateError('this consent has already ended', r.status);
    await this.#move(trx, consentId, r.status, 'withdraw', now, reason);
    const followUps: FollowUp[] = [];
    const base = { personRef: personId, consentId, orgCode: r.orgCode, clientId: r.recipient.clientId, now };
    // A pending version may already hold tokens (stored, then a crash before activation): revoke those too,
    // but never the live version's pair.
    const tokens = await this.#o.vault.take(
      trx,
      personId,
      r.recipient.clientId,
      r.orgCode,
      r.status === 'active' ? {} : { onlyForConsent: consentId },
    );
    if (tokens) followUps.push(await this.followUps.add(trx, { ...base, kind: 'revoke-tokens', tokens }));
    if (r.status === 'active') {
      followUps.push(await this.followUps.add(trx, { ...base, kind: 'stop-jobs' }));
      followUps.push(await this.followUps.add(trx, { ...base, kind: 'offer-deletion' }));
    }
    const consent = await this.#ownIn(trx, personId, consentId);
    await this.#audit(trx, personId, 'consent.withdraw', consent);
    return { consent, followUps };
  }

  /**
   * Ends every active consent past its end date (KST): `expired`, the tokens dropped (the provider discards
   * them), jobs stopped, deletion offered. Returns what ended.
   */
  async expireDue(limit = 500): Promise<ConsentEnded[]> {
    const now = this.#o.clock.nowMs();
    const today = formatYmd(kstDate(now));
    const due = await this.#o.store.db
      .selectFrom('op_consent')
      .select(['id', 'person_id'])
      .where('status', '=', 'active')
      .where('end_date', '<', today)
      .limit(limit)
      .execute();
    const out: ConsentEnded[] = [];
    for (const d of due) {
      out.push(
        await this.#o.store.transaction(async (trx) => {
          const r = await this.#ownIn(trx, d.person_id, d.id);
          if (r.status !== 'active' || !isPastEnd(r.endDate, now)) return { consent: r, followUps: [] };
          await this.#move(trx, r.id, 'active', 'expire', now, 'expired');
          await this.#o.vault.take(trx, r.personId, r.recipient.clientId, r.orgCode);
          const base = {
            personRef: r.personId,
            consentId: r.id,
            orgCode: r.orgCode,
            clientId: r.recipient.clientId,
            now,
          };
          const followUps = [
            await this.followUps.add(trx, { ...base, kind: 'stop-jobs' }),
            await this.followUps.add(trx, { ...base, kind: 'offer-deletion' }),
          ];
          const consent = await this.#ownIn(trx, r.personId, r.id);
          await this.#audit(trx, r.personId, 'consent.expire', consent);
          return { consent, followUps };
        }),
      );
    }
    return out.filter((e) => e.followUps.length > 0);
  }

  async get(personId: string, consentId: string): Promise<ConsentRecord | undefined> {
    const row = await this.#o.store.db
      .selectFrom('op_consent')
      .selectAll()
      .where('id', '=', consentId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** Every version for a person (and provider), oldest first. */
  async history(personId: string, orgCode?: string): Promise<ConsentRecord[]> {
    let q = this.#o.store.db.selectFrom('op_consent').selectAll().where('person_id', '=', personId);
    if (orgCode !== undefined) q = q.where('org_code', '=', orgCode);
    return (await q.orderBy('org_code').orderBy('version').execute()).map(toRecord);
  }

  /** The person's live (active) consents. */
  async active(personId: string): Promise<ConsentRecord[]> {
    const rows = await this.#o.store.db
      .selectFrom('op_consent')
      .selectAll()
      .where('person_id', '=', personId)
      .where('status', '=', 'active')
      .orderBy('org_code')
      .execute();
    return rows.map(toRecord);
  }

  /**
   * Active consents with regular transmission whose person logged in within 6 months (the inactivity rule):
   * what the scheduler may collect, `limit` at a time after `afterId` (keyset paging).
   */
  async scheduled(opts: { afterId?: string; limit?: number } = {}): Promise<ConsentRecord[]> {
    const now = this.#o.clock.nowMs();
    const rows = await this.#o.store.db
      .selectFrom('op_consent')
      .innerJoin('op_person', 'op_person.id', 'op_consent.person_id')
      .selectAll('op_consent')
      .select('op_person.last_login_at')
      .where('op_consent.status', '=', 'active')
      .where('op_consent.is_scheduled', '=', true)
      // A few days generous (calendar months do not invert exactly); each row is confirmed below.
      .where('op_person.last_login_at', '>=', addKstMonths(now, -STOP_SCHEDULED_AFTER_MONTHS) - 4 * DAY_MS)
      .where('op_consent.id', '>', opts.afterId ?? '')
      .orderBy('op_consent.id')
      .limit(opts.limit ?? 500)
      .execute();
    return rows.filter((r) => scheduledCollectionAllowed(Number(r.last_login_at), now)).map(toRecord);
  }

  /** The signed text and its assets, opened (to send in 통합인증-102 consent_list, or to show the person). */
  async document(
    personId: string,
    consentId: string,
  ): Promise<{ document: ConsentDocument; text: string; assets: ConsentAsset[] }> {
    const { db } = this.#o.store;
    const row = await db
      .selectFrom('op_consent')
      .selectAll()
      .where('id', '=', consentId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!row) throw new OperatorError('OP_NOT_FOUND', 'no such consent', '전송요구가 없습니다', 'consentId');
    const c = await this.#o.crypto.cipherFor(db, personId);
    const text = c.open(T, 'document', row.id, row.document_sealed);
    const parsed = parseConsentDocument(text);
    if (!parsed.ok) throw new Error(`op_consent ${row.id} holds a document that does not parse`);
    return {
      document: parsed.consent,
      text,
      assets: JSON.parse(c.open(T, 'assets', row.id, row.assets_sealed)) as ConsentAsset[],
    };
  }

  async #insert(
    trx: Transaction<OperatorDatabase>,
    c: PersonCipher,
    personId: string,
    ch: CheckedDraft,
    o: { proposal: 'new' | 'change' | 'extension'; batchId: string | null },
  ): Promise<ConsentRecord> {
    const now = this.#o.clock.nowMs();
    const orgCode = ch.draft.orgCode;
    const versions = await trx
      .selectFrom('op_consent')
      .select(['id', 'status', 'version'])
      .where('person_id', '=', personId)
      .where('org_code', '=', orgCode)
      .execute();
    for (const v of versions.filter((x) => x.status === 'pending'))
      await this.#move(trx, v.id, 'pending', 'abandon', now, 'abandoned');
    const live = versions.find((v) => v.status === 'active');
    const version = versions.reduce((m, v) => Math.max(m, Number(v.version)), 0) + 1;
    const id = `c_${randomBytes(16).toString('base64url')}`;
    const d = ch.document;
    const row: Row = {
      id,
      person_id: personId,
      org_code: orgCode,
      industry: ch.industry,
      version,
      status: 'pending',
      auth_path: ch.draft.authPath,
      rcv_org_code: d.rcv_org_code,
      client_id: d.client_id,
      scope: ch.scope,
      target: d.target,
      asset_count: d.asset_list.length,
      assets_sealed: c.seal(T, 'assets', id, JSON.stringify(d.asset_list)),
      is_scheduled: d.is_scheduled === 'true',
      fnd_cycle: d.fnd_cycle,
      add_cycle: d.add_cycle,
      end_date: d.end_date,
      purpose: d.purpose,
      period: d.period,
      is_consent_trans_memo: d.is_consent_trans_memo === 'true',
      is_consent_merchant_name_regno: d.is_consent_merchant_name_regno === 'true',
      is_consent_trans_category: d.is_consent_trans_category === 'true',
      consent_date: d.consent_date,
      document_sealed: c.seal(T, 'document', id, ch.text),
      signed_sealed: null,
      proposal: live && o.proposal === 'new' ? 'change' : o.proposal,
      supersedes_id: live?.id ?? null,
      batch_id: o.batchId,
      created_at: now,
      activated_at: null,
      ended_at: null,
      ended_reason: null,
    };
    await trx.insertInto('op_consent').values(row).execute();
    return toRecord(row);
  }

  /** A state transition, compare-and-set on the status it was read in. */
  async #move(
    trx: Transaction<OperatorDatabase>,
    id: string,
    from: ConsentStatus,
    event: ConsentEvent,
    now: number,
    reason: EndReason | null,
  ): Promise<void> {
    const to = nextStatus(from, event);
    if (!to) throw stateError(`cannot ${event} a ${from} consent`, from);
    const r = await trx
      .updateTable('op_consent')
      .set(to === 'active' ? { status: to, activated_at: now } : { status: to, ended_at: now, ended_reason: reason })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) throw stateError(`the consent changed meanwhile (${event})`, from);
  }

  async #own(personId: string, consentId: string): Promise<ConsentRecord> {
    return this.#ownIn(this.#o.store.db, personId, consentId);
  }

  async #ownIn(db: Db, personId: string, consentId: string): Promise<ConsentRecord> {
    const row = await db
      .selectFrom('op_consent')
      .selectAll()
      .where('id', '=', consentId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!row)
      throw new OperatorError(
        'OP_NOT_FOUND',
        'no such consent of this person',
        '해당 전송요구가 없습니다',
        'consentId',
      );
    return toRecord(row);
  }

  async #draftOf(r: ConsentRecord): Promise<ConsentDraft> {
    const { assets } = await this.document(r.personId, r.id);
    return {
      orgCode: r.orgCode,
      authPath: r.authPath,
      scopes: r.scopes,
      target: r.target,
      assets,
      isScheduled: r.isScheduled,
      fndCycle: r.fndCycle,
      addCycle: r.addCycle,
      endDate: r.endDate,
      purpose: r.purpose,
      period: r.period,
      flags: r.flags,
    };
  }

  async #audit(trx: Transaction<OperatorDatabase>, personId: string, action: string, r: ConsentRecord): Promise<void> {
    await this.#o.audit.append(trx, {
      actor: `person:${personId}`,
      action,
      subject: r.id,
      details: {
        org_code: r.orgCode,
        version: r.version,
        status: r.status,
        end_date: r.endDate,
        scope: r.scopes.join(' '),
      },
    });
  }
}

function stateError(en: string, status: string): OperatorError {
  return new OperatorError(
    'OP_CONSENT_STATE',
    `${en} (it is ${status})`,
    '전송요구 상태상 할 수 없습니다',
    'consentId',
  );
}
