import type { InformationScope } from '@hannun/spec';
import type { Holding, HoldingStatus, Row } from '../ledger.ts';
import type { Slot } from '../plan/plan-types.ts';
import { statusOn } from '../plan/plan-types.ts';
import { insuStatus } from './insu-reads.ts';
import type { Reader } from './reader.ts';
import { date, ms } from './row-values.ts';

/** The list API that lists a kind of product (the card issuer's customer-level data is no holding). */
export function listApiOf(slot: Slot): string | undefined {
  switch (slot.kind) {
    case 'deposit':
    case 'savings':
    case 'timeDeposit':
    case 'bankFund':
    case 'bankLoan':
      return '은행-001';
    case 'irp':
      return 'IRP-001';
    case 'card':
      return '카드-001';
    case 'prepaidCard':
      return '선불-001';
    case 'securities':
    case 'pension':
      return '금투-001';
    case 'policy':
      return '보험-001';
    case 'policyLoan':
      return '보험-008';
    case 'efinMoney':
      return '전금-001';
    case 'efinPay':
      return '전금-101';
    case 'capitalLoan':
    case 'lease':
      return '할부금융-001';
    case 'guarantee':
      return '보증보험-001';
    case 'telecom':
      return '통신-001';
    case 'p2p':
      return 'P2P-001';
    case 'claim':
      return '채권-001';
    case 'cardIssuer':
      return undefined;
  }
}

function scopeOf(slot: Slot): InformationScope {
  switch (slot.kind) {
    case 'deposit':
    case 'savings':
    case 'timeDeposit':
      return 'bank.deposit';
    case 'bankFund':
      return 'bank.invest';
    case 'bankLoan':
      return 'bank.loan';
    case 'irp':
      return `${slot.industry}.irp` as InformationScope;
    case 'card':
    case 'cardIssuer':
      return 'card.card';
    case 'prepaidCard':
      return 'card.prepaid';
    case 'securities':
    case 'pension':
      return 'invest.account';
    case 'policy':
      return 'insu.insurance';
    case 'policyLoan':
      return 'insu.loan';
    case 'efinMoney':
      return 'efin.prepaid';
    case 'efinPay':
      return 'efin.paid';
    case 'capitalLoan':
    case 'lease':
      return 'capital.loan';
    case 'guarantee':
      return 'ginsu.insurance';
    case 'telecom':
      return 'telecom.mgmt';
    case 'p2p':
      return 'p2p.lending';
    case 'claim':
      return `${slot.industry}.bond` as InformationScope;
  }
}

/** account_status of banks, securities firms, IRP and lenders: 01 활동, 02 휴면, 03 해지, 04 지급정지, 99 기타. */
export function accountStatus(status: HoldingStatus): string {
  switch (status) {
    case 'normal':
      return '01';
    case 'dormant':
      return '02';
    case 'closed':
    case 'matured':
      return '03';
    case 'suspended':
      return '04';
    case 'lost':
      return '99';
  }
}

/** status of a telecom contract: 01 사용, 02 일시정지, 03 해지. */
function telecomStatus(status: HoldingStatus): string {
  return status === 'normal' ? '01' : status === 'suspended' ? '02' : '03';
}

function keyOf(slot: Slot): Record<string, string> {
  switch (slot.kind) {
    case 'timeDeposit':
      return { account_num: slot.accountNum, seqno: slot.seqno };
    case 'deposit':
    case 'savings':
    case 'bankFund':
    case 'bankLoan':
    case 'irp':
    case 'securities':
    case 'pension':
    case 'policyLoan':
    case 'capitalLoan':
    case 'lease':
      return { account_num: slot.accountNum };
    case 'card':
      return { card_id: slot.cardId };
    case 'prepaidCard':
      return { pp_id: slot.ppId };
    case 'policy':
    case 'guarantee':
      return { insu_num: slot.insuNum };
    case 'efinMoney':
      return { fob_id: slot.fobId };
    case 'efinPay':
      return { account_id: slot.accountId };
    case 'telecom':
      return { mgmt_id: slot.mgmtId };
    case 'p2p':
      return { lending_id: slot.lendingId };
    case 'claim':
      return { bond_num: slot.bondNum };
    case 'cardIssuer':
      return {};
  }
}

const BANK_ACCOUNT_TYPE: Readonly<Record<string, string>> = {
  deposit: '1001',
  savings: '1003',
  timeDeposit: '1002',
  bankFund: '2001',
};

function listItemOf(slot: Slot, status: HoldingStatus): Row {
  switch (slot.kind) {
    case 'deposit':
    case 'savings':
    case 'timeDeposit':
    case 'bankFund':
    case 'bankLoan':
      return {
        account_num: slot.accountNum,
        ...(slot.kind === 'timeDeposit' ? { seqno: slot.seqno } : {}),
        is_foreign_deposit: slot.kind === 'deposit' && slot.currency !== 'KRW',
        prod_name: slot.prodName,
        is_minus: slot.kind === 'deposit' && slot.isMinus,
        account_type: slot.kind === 'bankLoan' ? slot.accountType : (BANK_ACCOUNT_TYPE[slot.kind] ?? '1999'),
        account_status: accountStatus(status),
      };
    case 'irp':
      return { prod_name: slot.prodName, account_num: slot.accountNum, account_status: accountStatus(status) };
    case 'card':
      return {
        card_id: slot.cardId,
        card_num: slot.cardNum,
        card_name: slot.prodName,
        card_member: slot.member,
        card_type: slot.cardType,
      };
    case 'prepaidCard':
      return { pp_id: slot.ppId, pp_name: slot.prodName };
    case 'securities':
    case 'pension':
      return {
        account_num: slot.accountNum,
        account_name: slot.kind === 'securities' ? slot.accountName : slot.prodName,
        account_type: slot.kind === 'securities' ? '101' : '401',
        account_status: accountStatus(status),
      };
    case 'policy':
    case 'guarantee':
      return {
        insu_num: slot.insuNum,
        prod_name: slot.prodName,
        insu_type: slot.insuType,
        insu_status: insuStatus(status),
      };
    case 'policyLoan':
      return {
        prod_name: slot.prodName,
        account_num: slot.accountNum,
        account_type: '3245',
        account_status: accountStatus(status),
      };
    case 'efinMoney':
      return { fob_id: slot.fobId, fob_name: slot.prodName, account_id: slot.accountId };
    case 'efinPay':
      return { account_id: slot.accountId, is_pay_reg: slot.methods.length > 0 };
    case 'capitalLoan':
      return {
        account_num: slot.accountNum,
        prod_name: slot.prodName,
        account_type: slot.accountType,
        account_status: accountStatus(status),
      };
    case 'lease':
      return {
        account_num: slot.accountNum,
        prod_name: slot.prodName,
        account_type: '3500',
        account_status: accountStatus(status),
      };
    case 'telecom':
      return { mgmt_id: slot.mgmtId, telecom_num: slot.telecomNum, type: slot.type, status: telecomStatus(status) };
    case 'p2p':
      return { lending_id: slot.lendingId, prod_name: slot.prodName, prod_type: slot.prodType };
    case 'claim':
      return { bond_num: slot.bondNum, bond_type: slot.bondType, prod_name: slot.prodName };
    case 'cardIssuer':
      return {};
  }
}

export function holdingId(customer: number, slot: number): string {
  return `${customer}:${slot}`;
}

export function holdingOf(r: Reader, slot: Slot, listApi: string): Holding {
  const status = statusOn(slot, r.nowDay);
  return {
    id: holdingId(r.index, slot.idx),
    listApi,
    scope: scopeOf(slot),
    key: keyOf(slot),
    status,
    listItem: listItemOf(slot, status),
    changedAt: ms(r.listChangedTs(slot)),
    openedOn: date(slot.opened),
  };
}
