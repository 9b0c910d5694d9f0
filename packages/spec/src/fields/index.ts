// Every field dictionary: each field name's type and meaning, defined once per sector.
export { AUTH_FIELDS } from './auth.ts';
export { BANK_FIELDS } from './bank.ts';
export { BOND_FIELDS } from './bond.ts';
export { CA_FIELDS } from './ca.ts';
export { CAPITAL_FIELDS } from './capital.ts';
export { CARD_FIELDS } from './card.ts';
export { COMMON_FIELDS } from './common.ts';
export { COMMON_INFO_FIELDS } from './common-info.ts';
export { EFIN_FIELDS } from './efin.ts';
export { GINSU_FIELDS } from './ginsu.ts';
export { INSU_FIELDS } from './insu.ts';
export { INVEST_FIELDS } from './invest.ts';
export { IRP_FIELDS } from './irp.ts';
export { P2P_FIELDS } from './p2p.ts';
export { PREPAID_CARD_FIELDS } from './prepaid-card.ts';
export { SUPPORT_FIELDS } from './support.ts';
export { TELECOM_FIELDS } from './telecom.ts';
