// Who takes part in the integrated-auth benchmark: the demo's 26 institutions and 4 clones (30 providers), the
// operator, the CA and the engine's host, each its own organisation; the people signing; their consents.
import { DEMO_INSTITUTIONS, type Institution } from '@hannun/provider';
import { type ConsentDocument, INDUSTRY_SCOPES, type Industry, type OrgType } from '@hannun/spec';
import { HANNUN_CA, HANNUN_OPERATOR, PROVIDER_HOST } from '../ecosystem/demo-organisations.ts';

/** An organisation of the benchmark's registry, with its own certificate (PKI id = org_code in lower case). */
export interface BenchOrganisation {
  readonly orgCode: string;
  readonly orgType: OrgType;
  readonly industry?: Industry;
  readonly name: string;
  /** Its certificate's subject serialNumber and the registry's serial_num. */
  readonly regNo: string;
  readonly caCode?: string;
  readonly pkiId: string;
}

const organisation = (o: Omit<BenchOrganisation, 'pkiId'>): BenchOrganisation => ({
  ...o,
  pkiId: o.orgCode.toLowerCase(),
});

/** A demo institution copied under a new org_code, registration number and base path. */
export interface CloneSpec {
  readonly from: string;
  readonly orgCode: string;
  readonly regNo: string;
  readonly name: string;
  readonly nameEn: string;
}

/** Four clones of four industries: with the demo's 26, the 30 institutions of the figure. */
export const BENCH_CLONES: readonly CloneSpec[] = [
  { from: 'BKGARAM001', orgCode: 'BKBENCH001', regNo: '1018100091', name: '벤치은행', nameEn: 'Bench Bank' },
  { from: 'CDBYEOLB01', orgCode: 'CDBENCH001', regNo: '1018200091', name: '벤치카드', nameEn: 'Bench Card' },
  { from: 'IVMIRAERO1', orgCode: 'IVBENCH001', regNo: '1018300091', name: '벤치증권', nameEn: 'Bench Securities' },
  { from: 'ISPUREUN01', orgCode: 'ISBENCH001', regNo: '1018400091', name: '벤치생명', nameEn: 'Bench Life' },
];

/**
 * The institutions the benchmark's engine serves: `base` (the demo's) then each clone, a copy of its source
 * with its own org_code, regNo, name and base path and no company group (a group would pull customers).
 * Throws when a clone's source is missing or an org_code or regNo is taken twice.
 */
export function benchInstitutions(
  base: readonly Institution[] = DEMO_INSTITUTIONS,
  clones: readonly CloneSpec[] = BENCH_CLONES,
): Institution[] {
  const out: Institution[] = [...base];
  for (const c of clones) {
    const source = base.find((i) => i.orgCode === c.from);
    if (!source) throw new Error(`clone ${c.orgCode}: no institution ${c.from} to copy`);
    const { group: _group, ...rest } = source;
    out.push({
      ...rest,
      orgCode: c.orgCode,
      regNo: c.regNo,
      name: c.name,
      nameEn: c.nameEn,
      basePath: `/${c.orgCode}`,
    });
  }
  for (const key of ['orgCode', 'regNo', 'basePath'] as const) {
    const seen = new Set<string>();
    for (const i of out) {
      if (seen.has(i[key])) throw new Error(`two institutions share the ${key} ${i[key]}`);
      seen.add(i[key]);
    }
  }
  return out;
}

/**
 * Every organisation of the benchmark's registry: one provider (01) per institution with its own certificate
 * and client credentials, then the operator, the CA and the engine's host (whose certificate the engine serves).
 */
export function benchOrganisations(institutions: readonly Institution[]): BenchOrganisation[] {
  const providers = institutions.map((i) =>
    organisation({ orgCode: i.orgCode, orgType: '01', industry: i.industry, name: i.name, regNo: i.regNo }),
  );
  const others = [HANNUN_OPERATOR, HANNUN_CA, PROVIDER_HOST].map((o) =>
    organisation({
      orgCode: o.orgCode,
      orgType: o.orgType,
      name: o.name,
      regNo: o.regNo,
      ...(o.caCode ? { caCode: o.caCode } : {}),
    }),
  );
  const all = [...providers, ...others];
  const regNos = new Set(all.map((o) => o.regNo));
  if (regNos.size !== all.length) throw new Error('two organisations share a registration number');
  return all;
}

/** A person who signs in the benchmark: enrolled at the CA, a customer of every institution. */
export interface BenchPerson {
  readonly ci: string;
  readonly name: string;
  readonly phone: string;
  readonly birthDate: string;
  readonly pin: string;
}

const CI_LENGTH = 88;
const RUN_TAG = /^[A-Z0-9]{1,8}$/;

/**
 * The `index`-th person of a run: a CI of 86 Base64 characters and `==` (88, as a real CI), made of a fixed
 * head, the run's tag and the index, so two runs or two people never share one.
 */
export function benchPerson(runTag: string, index: number): BenchPerson {
  if (!RUN_TAG.test(runTag)) throw new RangeError(`the run tag must be 1 to 8 upper-case letters or digits: ${runTag}`);
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`the index must be a whole number: ${index}`);
  const head = `BENCH${runTag}P${index.toString(36).toUpperCase()}`;
  return {
    ci: `${head.padEnd(CI_LENGTH - 2, 'x')}==`,
    name: '김벤치',
    phone: '010-2000-3000',
    birthDate: '19900101',
    pin: '482915',
  };
}

/** Who receives the data: the operator and its service (the consent's recipient and client_id). */
export interface Recipient {
  readonly operatorOrgCode: string;
  readonly clientId: string;
}

/**
 * The consent a person signs for one institution, as the operator's app would prepare it for integrated
 * authentication: every scope of the institution's industry, all assets (`target: all`: the operator does not
 * know them yet), scheduled weekly, a year from today. `nowKst` is YYYYMMDDhhmmss.
 */
export function benchConsent(
  institution: Pick<Institution, 'orgCode' | 'industry'>,
  to: Recipient,
  nowKst: string,
): ConsentDocument {
  if (!/^\d{14}$/.test(nowKst)) throw new RangeError(`nowKst must be YYYYMMDDhhmmss: ${nowKst}`);
  const year = Number(nowKst.slice(0, 4)) + 1;
  const monthDay = nowKst.slice(4, 8) === '0229' ? '0228' : nowKst.slice(4, 8);
  return {
    org_code: institution.orgCode,
    rcv_org_code: to.operatorOrgCode,
    client_id: to.clientId,
    scope: INDUSTRY_SCOPES[institution.industry].join(' '),
    target: 'all',
    asset_list: [],
    is_scheduled: 'true',
    fnd_cycle: '1/w',
    add_cycle: '1/w',
    end_date: `${year}${monthDay}`,
    purpose: '자산 통합조회 및 분석',
    period: '서비스 탈퇴 시까지',
    is_consent_trans_memo: 'true',
    is_consent_merchant_name_regno: 'false',
    is_consent_trans_category: 'true',
    consent_date: nowKst,
  };
}

/**
 * Transaction ids of one signing: `sign_tx_id` ({operator}_{ca_code}_{time}_{serial}) and one `tx_id` per
 * provider in the RB shape (MD_{operator}_{provider}_{relay}_{ca_code}_{time}_{serial}), serials of 12 digits.
 */
export function signingIds(
  opts: { readonly operator: string; readonly caCode: string; readonly nowKst: string; readonly serial: number },
  providers: readonly string[],
): { signTxId: string; txIds: string[] } {
  const serial = (n: number) => String(n).padStart(12, '0');
  if (!Number.isSafeInteger(opts.serial) || opts.serial < 0 || opts.serial * 1000 + providers.length >= 1e12) {
    throw new RangeError(`the serial is out of range: ${opts.serial}`);
  }
  const base = opts.serial * 1000;
  return {
    signTxId: `${opts.operator}_${opts.caCode}_${opts.nowKst}_${serial(base)}`,
    txIds: providers.map(
      (p, i) => `MD_${opts.operator}_${p}_0000000000_${opts.caCode}_${opts.nowKst}_${serial(base + i + 1)}`,
    ),
  };
}
