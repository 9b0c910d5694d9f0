import type { ApiReader } from './answer.ts';
import { BANK_READS } from './bank-reads.ts';
import { CARD_READS } from './card-reads.ts';
import { EFIN_READS } from './efin-reads.ts';
import { INSU_READS } from './insu-reads.ts';
import { INVEST_READS, IRP_READS } from './invest-reads.ts';
import { OTHER_READS } from './other-reads.ts';

/** Every information API the ledger answers, by API ID (the list APIs are answered by holdings). */
export const API_READERS: Readonly<Record<string, ApiReader>> = {
  ...BANK_READS,
  ...CARD_READS,
  ...INVEST_READS,
  ...IRP_READS,
  ...INSU_READS,
  ...EFIN_READS,
  ...OTHER_READS,
};
