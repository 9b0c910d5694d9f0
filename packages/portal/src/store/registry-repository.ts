import type { OpType } from '@hannun/spec';
import type { Store, Transaction } from '@hannun/store';
import type { PortalOrg, PortalService, RegistryChange } from '../registry/portal-org.ts';
import { RegistryConflictError, RegistryInputError, RegistryNotFoundError } from '../registry/registry-input-error.ts';
import { validateOrg } from '../registry/validate-org.ts';
import { validateService } from '../registry/validate-service.ts';
import { conflictColumn } from './conflict-field.ts';
import type { PortalDatabase } from './portal-database.ts';

/** An organisation with what the portal keeps beside its record. */
export interface StoredOrg {
  readonly org: PortalOrg;
  /** Its own support-API credential (지원-001): the client_id and the secret's SHA-256. */
  readonly credential: OrgCredential;
  /** Generation of the portal credential it verifies at 지원-101 (bumped to reissue it). */
  readonly portalCredentialGen: number;
  readonly createdMs: number;
  readonly updatedMs: number;
}

export interface OrgCredential {
  readonly clientId: string;
  readonly clientSecretHash: string;
}

export type RegistryEntity = 'org' | 'service';

export interface RegistryClock {
  nowMs(): number;
}

/**
 * The registry's storage: current state plus the append-only change log, always written together in one
 * transaction (the log row first, then the state, so a refused state write also takes the log row with it).
 * Every write is validated first; what depends on other registrations (duplicate serials and CA codes, the
 * relay exists, the service's operator exists) is checked inside the transaction.
 */
export interface RegistryRepository {
  registerOrg(org: PortalOrg, credential: OrgCredential): Promise<RegistryChange<PortalOrg>>;
  /** Replace an organisation's record; undefined when nothing differs (no change is logged). */
  modifyOrg(org: PortalOrg): Promise<RegistryChange<PortalOrg> | undefined>;
  /** Remove an organisation and its services (one D change each). */
  removeOrg(orgCode: string): Promise<RegistryChange<PortalOrg>>;
  /** Replace an organisation's own credential (not a 지원-002 change: no field of it travels). */
  replaceOrgCredential(orgCode: string, credential: OrgCredential): Promise<void>;
  /** Reissue the portal credential an organisation verifies at 지원-101; the new generation. */
  bumpPortalCredential(orgCode: string): Promise<number>;
  org(orgCode: string): Promise<StoredOrg | undefined>;
  orgBySerial(serialNum: string): Promise<StoredOrg | undefined>;
  orgByClientId(clientId: string): Promise<StoredOrg | undefined>;
  orgs(): Promise<StoredOrg[]>;

  registerService(service: PortalService): Promise<RegistryChange<PortalService>>;
  /** Replace a service's record (its operator cannot change); undefined when nothing differs. */
  modifyService(service: PortalService): Promise<RegistryChange<PortalService> | undefined>;
  removeService(clientId: string): Promise<RegistryChange<PortalService>>;
  service(clientId: string): Promise<PortalService | undefined>;
  services(): Promise<PortalService[]>;

  /** The changes of one entity committed at or after `sinceMs`, in log order. */
  changesSince<E extends RegistryEntity>(entity: E, sinceMs: number): Promise<RegistryChange<EntityRecord<E>>[]>;
  /** How many rows the change log holds. */
  changeCount(): Promise<number>;
  /** The latest changes of every entity, newest first: at most `limit`, older than `beforeSeq` when given. */
  recentChanges(
    limit: number,
    beforeSeq?: number,
  ): Promise<(RegistryChange<PortalOrg | PortalService> & { readonly entity: RegistryEntity })[]>;
}

export type EntityRecord<E extends RegistryEntity> = E extends 'org' ? PortalOrg : PortalService;

type Trx = Transaction<PortalDatabase>;
type OrgRow = PortalDatabase['portal_org'];

/** A record as stored: keys in a fixed order, absent optional fields left out. */
function orgJson(org: PortalOrg): string {
  return JSON.stringify(org, Object.keys(org).sort());
}

function serviceJson(service: PortalService): string {
  return JSON.stringify(service, Object.keys(service).sort());
}

function storedOrg(row: OrgRow): StoredOrg {
  return {
    org: JSON.parse(row.record) as PortalOrg,
    credential: { clientId: row.client_id, clientSecretHash: row.client_secret_hash },
    portalCredentialGen: row.portal_credential_gen,
    createdMs: row.created_ms,
    updatedMs: row.updated_ms,
  };
}

/** A field naming an organisation that is not registered (a 400: the input is at fault). */
const unknownRef = (field: string, what: string, code: string) =>
  new RegistryInputError(field, `no ${what} '${code}' is registered`, `등록되지 않은 ${what}입니다: '${code}'`);

/** The organisation or service the change is about is not registered (a 404). */
const notFound = (field: string, what: string, code: string) =>
  new RegistryNotFoundError(field, `no ${what} '${code}' is registered`, `등록되지 않은 ${what}입니다: '${code}'`);

/** Turn a duplicate key into the registration error it means, naming the field; anything else is rethrown. */
function explainConflict(error: unknown, org: PortalOrg | undefined): never {
  const column = conflictColumn(error, 'portal_org', ['org_code', 'serial_num', 'ca_code', 'client_id']);
  switch (column) {
    case 'org_code':
      throw new RegistryConflictError(
        'org_code',
        `'${org?.orgCode}' is already registered`,
        `이미 등록된 기관코드입니다: '${org?.orgCode}'`,
      );
    case 'serial_num':
      throw new RegistryConflictError(
        'serial_num',
        'is already registered to another organisation (certificate serialNumbers are unique)',
        '다른 기관에 이미 등록된 인증서 SERIALNUMBER입니다',
      );
    case 'ca_code':
      throw new RegistryConflictError('ca_code', 'is already registered to another CA', '다른 인증기관의 코드입니다');
    case 'client_id':
      throw new RegistryConflictError('client_id', 'is already issued', '이미 발급된 client_id입니다');
  }
  if (conflictColumn(error, 'portal_service', ['client_id'])) {
    throw new RegistryConflictError('client_id', 'is already issued', '이미 발급된 client_id입니다');
  }
  throw error;
}

export function sqlRegistryRepository(store: Store<PortalDatabase>, clock: RegistryClock): RegistryRepository {
  const { db } = store;

  async function log(trx: Trx, entity: RegistryEntity, key: string, op: OpType, record: string, atMs: number) {
    const row = await trx
      .insertInto('portal_change')
      .values({ at_ms: atMs, entity, key, op, record })
      .returning('seq')
      .executeTakeFirstOrThrow();
    return row.seq;
  }

  /** Cross-registration rules of an org record (inside the write's transaction). */
  async function checkOrgLinks(trx: Trx, org: PortalOrg): Promise<void> {
    if (org.relayOrgCode !== undefined) {
      const relay = await trx
        .selectFrom('portal_org')
        .select('org_type')
        .where('org_code', '=', org.relayOrgCode)
        .executeTakeFirst();
      if (!relay) throw unknownRef('relay_org_code', '중계기관', org.relayOrgCode);
      if (relay.org_type !== '04') {
        throw new RegistryInputError(
          'relay_org_code',
          `'${org.relayOrgCode}' is not a relay (org_type 04)`,
          `'${org.relayOrgCode}'은(는) 중계기관(04)이 아닙니다`,
        );
      }
    }
  }

  async function checkServiceOwner(trx: Trx, orgCode: string): Promise<void> {
    const owner = await trx
      .selectFrom('portal_org')
      .select('record')
      .where('org_code', '=', orgCode)
      .executeTakeFirst();
    if (!owner) throw unknownRef('org_code', '기관', orgCode);
    const org = JSON.parse(owner.record) as PortalOrg;
    if (org.orgType !== '03' && !org.isRcvOrg) {
      throw new RegistryInputError(
        'org_code',
        `'${orgCode}' is neither an operator (03) nor an information recipient: it cannot have services`,
        `'${orgCode}'은(는) 마이데이터사업자나 정보수신자가 아니어서 서비스를 등록할 수 없습니다`,
      );
    }
  }

  async function currentOrg(trx: Trx, orgCode: string): Promise<OrgRow> {
    const row = await trx.selectFrom('portal_org').selectAll().where('org_code', '=', orgCode).executeTakeFirst();
    if (!row) throw notFound('org_code', '기관', orgCode);
    return row;
  }

  const change = <R>(seq: number, atMs: number, op: OpType, key: string, record: R): RegistryChange<R> => ({
    seq,
    atMs,
    op,
    key,
    record,
  });

  return {
    async registerOrg(org, credential) {
      validateOrg(org);
      const atMs = clock.nowMs();
      const record = orgJson(org);
      try {
        return await store.transaction(async (trx) => {
          await checkOrgLinks(trx, org);
          const seq = await log(trx, 'org', org.orgCode, 'I', record, atMs);
          await trx
            .insertInto('portal_org')
            .values({
              org_code: org.orgCode,
              org_type: org.orgType,
              serial_num: org.serialNum ?? null,
              ca_code: org.caCode ?? null,
              client_id: credential.clientId,
              client_secret_hash: credential.clientSecretHash,
              portal_credential_gen: 1,
              record,
              created_ms: atMs,
              updated_ms: atMs,
            })
            .execute();
          return change(seq, atMs, 'I', org.orgCode, org);
        });
      } catch (error) {
        explainConflict(error, org);
      }
    },

    async modifyOrg(org) {
      validateOrg(org);
      const atMs = clock.nowMs();
      const record = orgJson(org);
      try {
        return await store.transaction(async (trx) => {
          const current = await currentOrg(trx, org.orgCode);
          if (current.record === record) return undefined;
          const before = JSON.parse(current.record) as PortalOrg;
          if (before.orgType !== org.orgType) {
            throw new RegistryInputError(
              'org_type',
              'cannot change: remove the organisation and register it again',
              '기관구분은 바꿀 수 없습니다. 삭제 후 다시 등록하세요',
            );
          }
          await checkOrgLinks(trx, org);
          const seq = await log(trx, 'org', org.orgCode, 'M', record, atMs);
          await trx
            .updateTable('portal_org')
            .set({ serial_num: org.serialNum ?? null, ca_code: org.caCode ?? null, record, updated_ms: atMs })
            .where('org_code', '=', org.orgCode)
            .execute();
          return change(seq, atMs, 'M', org.orgCode, org);
        });
      } catch (error) {
        explainConflict(error, org);
      }
    },

    async removeOrg(orgCode) {
      const atMs = clock.nowMs();
      return store.transaction(async (trx) => {
        const current = await currentOrg(trx, orgCode);
        const relayed = await trx
          .selectFrom('portal_org')
          .select(['org_code', 'record'])
          .where('org_type', 'in', ['01', '02'])
          .orderBy('org_code')
          .execute();
        const users = relayed
          .filter((r) => (JSON.parse(r.record) as PortalOrg).relayOrgCode === orgCode)
          .map((r) => r.org_code);
        if (users.length > 0) {
          throw new RegistryConflictError(
            'org_code',
            `'${orgCode}' is the relay of ${users.join(', ')}: change or remove them first`,
            `'${orgCode}'을(를) 중계기관으로 쓰는 기관이 있습니다 (${users.join(', ')}). 먼저 바꾸거나 삭제하세요`,
          );
        }
        const services = await trx
          .selectFrom('portal_service')
          .select(['client_id', 'record'])
          .where('org_code', '=', orgCode)
          .orderBy('client_id')
          .execute();
        for (const s of services) {
          await log(trx, 'service', s.client_id, 'D', s.record, atMs);
          await trx.deleteFrom('portal_service').where('client_id', '=', s.client_id).execute();
        }
        const seq = await log(trx, 'org', orgCode, 'D', current.record, atMs);
        await trx.deleteFrom('portal_org').where('org_code', '=', orgCode).execute();
        return change(seq, atMs, 'D', orgCode, JSON.parse(current.record) as PortalOrg);
      });
    },

    async replaceOrgCredential(orgCode, credential) {
      try {
        await store.transaction(async (trx) => {
          await currentOrg(trx, orgCode);
          await trx
            .updateTable('portal_org')
            .set({ client_id: credential.clientId, client_secret_hash: credential.clientSecretHash })
            .where('org_code', '=', orgCode)
            .execute();
        });
      } catch (error) {
        explainConflict(error, undefined);
      }
    },

    async bumpPortalCredential(orgCode) {
      return store.transaction(async (trx) => {
        const current = await currentOrg(trx, orgCode);
        const next = current.portal_credential_gen + 1;
        await trx
          .updateTable('portal_org')
          .set({ portal_credential_gen: next })
          .where('org_code', '=', orgCode)
          .execute();
        return next;
      });
    },

    async org(orgCode) {
      const row = await db.selectFrom('portal_org').selectAll().where('org_code', '=', orgCode).executeTakeFirst();
      return row ? storedOrg(row) : undefined;
    },
    async orgBySerial(serialNum) {
      const row = await db.selectFrom('portal_org').selectAll().where('serial_num', '=', serialNum).executeTakeFirst();
      return row ? storedOrg(row) : undefined;
    },
    async orgByClientId(clientId) {
      const row = await db.selectFrom('portal_org').selectAll().where('client_id', '=', clientId).executeTakeFirst();
      return row ? storedOrg(row) : undefined;
    },
    async orgs() {
      const rows = await db.selectFrom('portal_org').selectAll().orderBy('org_code').execute();
      return rows.map(storedOrg);
    },

    async registerService(service) {
      validateService(service);
      const atMs = clock.nowMs();
      const record = serviceJson(service);
      try {
        return await store.transaction(async (trx) => {
          await checkServiceOwner(trx, service.orgCode);
          const seq = await log(trx, 'service', service.clientId, 'I', record, atMs);
          await trx
            .insertInto('portal_service')
            .values({
              client_id: service.clientId,
              org_code: service.orgCode,
              record,
              created_ms: atMs,
              updated_ms: atMs,
            })
            .execute();
          return change(seq, atMs, 'I', service.clientId, service);
        });
      } catch (error) {
        explainConflict(error, undefined);
      }
    },

    async modifyService(service) {
      validateService(service);
      const atMs = clock.nowMs();
      const record = serviceJson(service);
      return store.transaction(async (trx) => {
        const current = await trx
          .selectFrom('portal_service')
          .select(['org_code', 'record'])
          .where('client_id', '=', service.clientId)
          .executeTakeFirst();
        if (!current) throw notFound('client_id', '서비스', service.clientId);
        if (current.org_code !== service.orgCode) {
          throw new RegistryInputError(
            'org_code',
            'a service cannot move to another organisation',
            '서비스의 기관은 바꿀 수 없습니다',
          );
        }
        if (current.record === record) return undefined;
        const seq = await log(trx, 'service', service.clientId, 'M', record, atMs);
        await trx
          .updateTable('portal_service')
          .set({ record, updated_ms: atMs })
          .where('client_id', '=', service.clientId)
          .execute();
        return change(seq, atMs, 'M', service.clientId, service);
      });
    },

    async removeService(clientId) {
      const atMs = clock.nowMs();
      return store.transaction(async (trx) => {
        const current = await trx
          .selectFrom('portal_service')
          .select('record')
          .where('client_id', '=', clientId)
          .executeTakeFirst();
        if (!current) throw notFound('client_id', '서비스', clientId);
        const seq = await log(trx, 'service', clientId, 'D', current.record, atMs);
        await trx.deleteFrom('portal_service').where('client_id', '=', clientId).execute();
        return change(seq, atMs, 'D', clientId, JSON.parse(current.record) as PortalService);
      });
    },

    async service(clientId) {
      const row = await db
        .selectFrom('portal_service')
        .select('record')
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return row ? (JSON.parse(row.record) as PortalService) : undefined;
    },
    async services() {
      const rows = await db.selectFrom('portal_service').select('record').orderBy('client_id').execute();
      return rows.map((r) => JSON.parse(r.record) as PortalService);
    },

    async changesSince<E extends RegistryEntity>(entity: E, sinceMs: number) {
      // Ordered by the (entity, at_ms) index, then by seq here: an ORDER BY seq would let the planner walk the
      // whole log in key order instead of the index's range (measured: 10k rows scanned for a 20-row delta).
      const rows = await db
        .selectFrom('portal_change')
        .selectAll()
        .where('entity', '=', entity)
        .where('at_ms', '>=', sinceMs)
        .orderBy('at_ms')
        .execute();
      rows.sort((a, b) => a.seq - b.seq);
      return rows.map((r) => change(r.seq, r.at_ms, r.op, r.key, JSON.parse(r.record) as EntityRecord<E>));
    },
    async recentChanges(limit, beforeSeq) {
      let q = db.selectFrom('portal_change').selectAll();
      if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
      const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        ...change(r.seq, r.at_ms, r.op, r.key, JSON.parse(r.record) as PortalOrg | PortalService),
        entity: r.entity,
      }));
    },
    async changeCount() {
      const row = await db
        .selectFrom('portal_change')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return row.n;
    },
  };
}
