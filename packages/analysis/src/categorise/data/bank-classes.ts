/**
 * Bank transaction classes (은행-004 trans_class, free text of up to 10 bytes×3 that banks fill alike) →
 * Hannun categories. A class that says "it depends on the memo" (자동이체, 타행이체) maps to null: the memo
 * is then categorised like a merchant. PROVISIONAL: the standard gives no code list for trans_class.
 */
export const BANK_CLASSES: Readonly<Record<string, string | null>> = {
  급여: 'salary',
  상여: 'salary',
  연금: 'pension-income',
  이자: 'interest-income',
  결산이자: 'interest-income',
  배당: 'interest-income',
  가맹점대금: 'business-income',
  카드대금: 'card-payment',
  체크카드: 'duplicate',
  체크카드취소: 'duplicate',
  체크카드정정: 'duplicate',
  간편결제: 'duplicate',
  간편결제취소: 'duplicate',
  간편결제충전: 'top-up',
  선불충전: 'top-up',
  외화매입: 'own-transfer',
  신규: 'own-transfer',
  해지: 'own-transfer',
  만기: 'own-transfer',
  입금: 'own-transfer',
  대출입금: 'loan',
  현금서비스: 'loan',
  ATM출금: 'cash',
  CD출금: 'cash',
  자동이체: null,
  타행이체: null,
  당행이체: null,
  인터넷뱅킹: null,
  모바일뱅킹: null,
};

/** Memo words that say what a transfer is when the class does not (money to a landlord, into savings …). */
export const MEMO_HINTS: readonly { readonly pattern: RegExp; readonly category: string }[] = [
  { pattern: /월세|관리비|임대료/, category: 'housing' },
  { pattern: /급여|상여/, category: 'salary' },
  { pattern: /용돈/, category: 'person-transfer' },
  { pattern: /IRP|연금저축|적금|예금|펀드|증권|투자|청약/, category: 'savings' },
  { pattern: /보험/, category: 'insurance' },
  { pattern: /리스료|할부|대출|원리금|이자상환/, category: 'loan-interest' },
  { pattern: /전세보증금/, category: 'own-transfer' },
  { pattern: /가스|전기|수도|난방/, category: 'utilities' },
  { pattern: /통신|휴대폰|인터넷요금/, category: 'telecom' },
  { pattern: /세금|국세|지방세|과태료/, category: 'tax' },
];
