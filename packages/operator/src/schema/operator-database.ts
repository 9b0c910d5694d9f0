import type { CollectTables } from '../collect/collect-tables.ts';
import type { ConsentTables } from '../consent/consent-tables.ts';
import type { CryptoTables } from '../crypto/crypto-tables.ts';
import type { ModelTables } from '../model/model-tables.ts';
import type { PeopleTables } from '../people/people-tables.ts';
import type { NoticeTables } from '../records/notice-tables.ts';
import type { RecordsTables } from '../records/records-tables.ts';
import type { PendingFlowTables } from '../service/pending-flow-tables.ts';
import type { StatisticsTables } from '../support/statistics/statistics-tables.ts';
import type { VaultTables } from '../vault/vault-tables.ts';

/** Every table of the operator (all `op_`: SQLite has no schemas, services share one namespace). */
export interface OperatorDatabase
  extends CryptoTables,
    PeopleTables,
    ConsentTables,
    VaultTables,
    ModelTables,
    RecordsTables,
    CollectTables,
    PendingFlowTables,
    NoticeTables,
    StatisticsTables {}
