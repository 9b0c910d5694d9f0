import { COMMON_FIELDS } from '../fields/common.ts';
import { IRP_FIELDS } from '../fields/irp.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { DATE_PERIOD, infoApi, LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({ ...COMMON_FIELDS, ...IRP_FIELDS });

const ACCOUNT = [req('org_code'), req('account_num'), opt('seqno'), opt('search_timestamp')] as const;
const ACCOUNT_KEYS = ['account_num', 'seqno'] as const;
const IRP_SCOPE = { bank: 'bank.irp', invest: 'invest.irp', insu: 'insu.irp' } as const;

/**
 * 개인형 IRP (규격 4.2.1, IRP-001…004), shared by bank, invest and insu. IRP-001 is a list API and needs only
 * `<industry>.list`: 규격 §2.2 names 개인형 IRP 계좌 목록 조회 among the 자산목록 scope APIs of bank, invest and
 * insu, and lists only /irps/basic, /irps/detail and /irps/transactions under the `<industry>.irp` 전송요구 scope.
 */
export const IRP_APIS = [
  infoApi({
    id: 'IRP-001',
    code: 'IR01',
    ko: '개인형 IRP 계좌 목록 조회',
    en: 'List of personal IRP accounts',
    industries: ['bank', 'invest', 'insu'],
    method: 'GET',
    resource: '/irps',
    scope: { bank: 'bank.list', invest: 'invest.list', insu: 'insu.list' },
    cycle: '기본',
    paginated: true,
    timestamp: true,
    request: LIST_QUERY,
    response: [
      opt('search_timestamp'),
      opt('next_page'),
      list(
        'irp_list',
        'irp_cnt',
        [req('prod_name'), req('account_num'), opt('seqno'), req('is_consent'), req('account_status')],
        { ko: '개인형 IRP 계좌 목록', en: 'IRP accounts', max: 500, countType: IRP_FIELDS.irp_cnt.type },
      ),
    ],
    notes:
      'Scope <industry>.list, not <industry>.irp (규격 §2.2). Paginated like 은행-001 (the 2021 draft took only ' +
      'org_code and search_timestamp): provisional.',
  }),
  infoApi({
    id: 'IRP-002',
    code: 'IR02',
    ko: '개인형 IRP 계좌 기본정보 조회',
    en: 'IRP account: basic information',
    industries: ['bank', 'invest', 'insu'],
    method: 'POST',
    resource: '/irps/basic',
    scope: IRP_SCOPE,
    cycle: '기본',
    timestamp: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: 'IRP-001',
    request: ACCOUNT,
    response: [
      opt('search_timestamp'),
      req('accum_amt'),
      req('eval_amt'),
      opt('employer_amt'),
      opt('employee_amt'),
      req('issue_date'),
      opt('first_deposit_date'),
    ],
  }),
  infoApi({
    id: 'IRP-003',
    code: 'IR03',
    ko: '개인형 IRP 계좌 추가정보 조회',
    en: 'IRP account: products held',
    industries: ['bank', 'invest', 'insu'],
    method: 'POST',
    resource: '/irps/detail',
    scope: IRP_SCOPE,
    cycle: '추가',
    paginated: true,
    timestamp: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: 'IRP-001',
    request: [...ACCOUNT, opt('next_page'), opt('limit')],
    response: [
      opt('search_timestamp'),
      opt('next_page'),
      list(
        'irp_list',
        'irp_cnt',
        [
          req('irp_name'),
          req('irp_type'),
          req('eval_amt'),
          req('inv_principal'),
          opt('fund_num'),
          opt('open_date'),
          opt('exp_date'),
          opt('int_rate'),
        ],
        { ko: '운용상품 목록', en: 'Products held', max: 500, countType: IRP_FIELDS.irp_cnt.type },
      ),
    ],
  }),
  infoApi({
    id: 'IRP-004',
    code: 'IR04',
    ko: '개인형 IRP 계좌 거래내역 조회',
    en: 'IRP account: transactions',
    industries: ['bank', 'invest', 'insu'],
    method: 'POST',
    resource: '/irps/transactions',
    scope: IRP_SCOPE,
    cycle: '추가',
    dateRule: 'days31',
    paginated: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: 'IRP-001',
    request: [req('org_code'), req('account_num'), opt('seqno'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list('trans_list', 'trans_cnt', [req('trans_dtime'), req('trans_type'), req('trans_amt')], {
        ko: '거래내역',
        en: 'Transactions',
        max: 500,
        countType: IRP_FIELDS.trans_cnt.type,
      }),
    ],
  }),
] as const;
