import { type Environment, loadConfig } from '@hannun/infra';
import { ensurePki } from '@hannun/pki';
import { type Command, Option } from 'commander';
import { pkiIdOf } from '../ecosystem/demo-organisations.ts';
import { SHARED_SETTINGS } from '../ecosystem/up-config.ts';
import {
  PortalAdminError,
  type PortalAdminClient,
  PortalNotRunningError,
  portalAdminClient,
} from '../portal/portal-admin-client.ts';
import { UserError } from '../user-error.ts';
import type { Output } from './up.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface Common {
  readonly dataDir?: string;
}

interface OrgOptions extends Common {
  readonly orgCode?: string;
  readonly type?: string;
  readonly name?: string;
  readonly industry?: string;
  readonly regno?: string;
  readonly corpRegno?: string;
  readonly serial?: string;
  readonly domain?: string;
  readonly domainIp?: string[];
  readonly ip?: string[];
  readonly npTime?: string[];
  readonly relay?: string;
  readonly authType?: string;
  readonly caCode?: string;
  readonly cpCode?: string;
  readonly address?: string;
  readonly rcv?: boolean;
  readonly clear?: string[];
  readonly cert?: boolean;
}

interface ServiceOptions extends Common {
  readonly org?: string;
  readonly name?: string;
  readonly redirectUri?: string[];
  readonly appScheme?: string[];
}

/** The option → wire field table of `org add` and `org update`. */
const ORG_FLAGS: readonly [keyof OrgOptions, string][] = [
  ['orgCode', 'org_code'],
  ['type', 'org_type'],
  ['name', 'org_name'],
  ['industry', 'industry'],
  ['regno', 'org_regno'],
  ['corpRegno', 'corp_regno'],
  ['serial', 'serial_num'],
  ['domain', 'domain'],
  ['domainIp', 'domain_ip_list'],
  ['ip', 'ip_list'],
  ['npTime', 'np_time_list'],
  ['relay', 'relay_org_code'],
  ['authType', 'auth_type'],
  ['caCode', 'ca_code'],
  ['cpCode', 'cp_code'],
  ['address', 'address'],
  ['rcv', 'is_rcv_org'],
];

function orgBody(opts: OrgOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [flag, field] of ORG_FLAGS) {
    const value = opts[flag];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    body[field] = value;
  }
  return body;
}

function dataDirOf(opts: Common, env: Environment): string {
  if (opts.dataDir !== undefined) return opts.dataDir;
  return loadConfig({ HANNUN_DATA_DIR: SHARED_SETTINGS.HANNUN_DATA_DIR }, env).HANNUN_DATA_DIR;
}

async function clientFor(opts: Common, env: Environment): Promise<{ client: PortalAdminClient; dataDir: string }> {
  const dataDir = dataDirOf(opts, env);
  const client = await portalAdminClient(dataDir);
  if (!client) {
    throw new UserError(
      [
        `${dataDir}에서 실행된 종합포털이 없습니다. 먼저 \`npm start\`(hannun up)를 실행하세요.`,
        `No portal has run with the data directory ${dataDir}: start it first (\`npm start\`, i.e. hannun up), or pass --data-dir.`,
      ].join('\n'),
    );
  }
  return { client, dataDir };
}

/** Portal refusals and an unreachable portal become messages a person can act on. */
async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PortalAdminError)
      throw new UserError(`종합포털이 거절했습니다 / The portal refused: ${error.message}`);
    if (error instanceof PortalNotRunningError) throw new UserError(error.message);
    throw error;
  }
}

const line = (label: string, value: unknown) =>
  `  ${label.padEnd(18)} ${Array.isArray(value) ? value.join(', ') : String(value)}\n`;

function printOrg(out: Output, org: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(org)) out.write(line(key, value));
}

function printCredentials(out: Output, title: string, pair: unknown): void {
  const { client_id, client_secret } = pair as { client_id: string; client_secret: string };
  out.write(`\n${title}\n`);
  out.write(line('client_id', client_id));
  out.write(line('client_secret', client_secret));
}

const ONCE = [
  '',
  '!! 이 비밀값은 지금 한 번만 보여 줍니다. 종합포털은 해시만 보관합니다. 안전한 곳에 보관하세요.',
  '!! These secrets are shown this once: the portal keeps only their hashes. Store them safely now.',
  '',
].join('\n');

const DATA_DIR = ['--data-dir <dir>', 'data directory / 데이터 디렉터리 (default: HANNUN_DATA_DIR or ./data)'] as const;

/**
 * `hannun portal org add|update|remove|list`, `hannun portal service add|remove|list` and `hannun portal
 * status`: the portal's registry administered through its admin API (loopback, token from the data
 * directory) while `hannun up` runs.
 */
export function registerPortalCommands(program: Command, out: Output, env: Environment = process.env): void {
  const portal = program
    .command('portal')
    .description(
      '종합포털의 기관·서비스 등록부를 관리합니다 / Administer the portal registry (organisations, services)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Works with a running `hannun up` (npm start): commands talk to the portal admin API on 127.0.0.1 with the',
        'token in <data dir>/portal/admin.token. Every change reaches the participants at their next registry sync',
        '(REGISTRY_SYNC_INTERVAL_MS) as a 지원-002/003 delta.',
        '',
        'Examples / 예:',
        '  hannun portal org list',
        '  hannun portal org add --type 03 --name 새마이데이터 --serial 2208100555 --ip 127.0.0.1',
        '  hannun portal org update BKNURI0001 --ip 127.0.0.1 --ip 10.0.0.7',
        '  hannun portal org remove MDNEW00001',
        '  hannun portal service add --org MDHANNUN01 --name "한눈 가계부" --redirect-uri https://app.example/cb',
        '  hannun portal status',
      ].join('\n'),
    );

  const org = portal.command('org').description('기관 / Organisations (지원-002)');
  const orgFields = (cmd: Command, adding: boolean) =>
    cmd
      .option('--name <org_name>', 'organisation name / 기관명')
      .option('--regno <org_regno>', 'business registration number, 10 digits / 사업자등록번호')
      .option('--corp-regno <corp_regno>', 'corporate registration number, 13 digits / 법인등록번호')
      .option(
        '--serial <serial_num>',
        `subject serialNumber of its TLS certificate${adding ? ' (default: --regno)' : ''} / 인증서 SERIALNUMBER`,
      )
      .option(
        '--industry <industry>',
        'providers: bank, card, invest, insu, efin, capital, ginsu, telecom, p2p, bond, usury',
      )
      .option('--domain <url>', 'where its APIs answer, e.g. https://api.example:443/base / API 서버')
      .option('--domain-ip <ip>', 'public IP of its API server (repeat) / API서버 공인IP', collect)
      .option('--ip <ip>', 'client IP its calls come from (repeat) / 클라이언트 IP', collect)
      .option(
        '--np-time <hhmm:hhmm>',
        'providers: non-peak window, ≤ 3, 30-minute units, ≥ 6 h in all (repeat)',
        collect,
      )
      .option('--relay <org_code>', 'the relay (04) it uses / 중계기관')
      .option('--auth-type <01|03>', 'providers: 01 integrated only, 03 individual and integrated')
      .option('--ca-code <code>', 'CAs (05, 06): the code operators put in ca_code')
      .option('--cp-code <code>', 'relayed providers (02): identity-check code (지원-006)')
      .option('--address <address>', 'address / 주소')
      .option('--rcv', 'an information recipient (정보수신자) other than an operator')
      .option(...DATA_DIR);

  orgFields(
    org
      .command('add')
      .description(
        '기관을 등록하고 자격증명을 발급합니다 / Onboard an organisation: issue its credentials and TLS certificate',
      )
      .addOption(
        new Option('--type <org_type>', '01 provider, 02 relayed provider, 03 operator, 04 relay, 05/06 CA, 99 other')
          .choices(['01', '02', '03', '04', '05', '06', '07', '99'])
          .makeOptionMandatory(),
      )
      .option('--org-code <org_code>', 'the org_code to register (default: the portal issues one)')
      .option('--no-cert', 'do not create its TLS certificate in <data dir>/pki'),
    true,
  )
    .addHelpText(
      'after',
      [
        '',
        'Prints the issued credentials once: its own (지원-001; also 통합인증-101 at the CA) and the portal credential',
        'it will verify when the portal calls it (지원-101). Creates its mutual-TLS certificate (serialNumber = --serial)',
        'and signing key in <data dir>/pki/orgs/<org_code in lower case>/.',
        '',
        'Examples / 예:',
        '  hannun portal org add --type 03 --name 새마이데이터 --regno 2208100555 --ip 127.0.0.1',
        '  hannun portal org add --type 01 --org-code BKSAERO001 --name 새로은행 --industry bank \\',
        '      --regno 1018100099 --ip 127.0.0.1 --np-time 0000:0600 --auth-type 03',
      ].join('\n'),
    )
    .action(async (opts: OrgOptions) => {
      const { client, dataDir } = await clientFor(opts, env);
      const body = orgBody({ ...opts, serial: opts.serial ?? opts.regno });
      if (!opts.name) throw new UserError('--name is required / --name(기관명)이 필요합니다');
      const answer = await explained(() => client.call('POST', '/admin/orgs', body));
      const registered = answer.org as Record<string, unknown>;
      const orgCode = String(registered.org_code);
      out.write(`기관을 등록했습니다 / Registered ${orgCode}\n`);
      printOrg(out, registered);
      printCredentials(out, '자격증명 / Its own credential (지원-001, 통합인증-101)', answer.credentials);
      printCredentials(out, '종합포털 자격증명 / Portal credential it verifies (지원-101)', answer.portal_credentials);
      out.write(ONCE);
      if (opts.cert !== false && typeof registered.serial_num === 'string') {
        const pki = await ensurePki({
          dataDir,
          orgs: [{ id: pkiIdOf(orgCode), name: String(registered.org_name), regNo: registered.serial_num }],
        });
        const creds = pki.org(pkiIdOf(orgCode));
        out.write(`TLS 인증서 / TLS certificate (serialNumber ${creds.certificate.subjectSerialNumber}):\n`);
        out.write(
          `  ${pki.dir}/orgs/${pkiIdOf(orgCode)}/tls.crt.pem\n  ${pki.dir}/orgs/${pkiIdOf(orgCode)}/tls.key.pem\n`,
        );
      }
    });

  orgFields(
    org
      .command('update <org_code>')
      .description('등록 내용을 바꿉니다 / Change a registration (a 지원-002 M change)')
      .option('--clear <field>', 'clear an optional field by its wire name, e.g. address (repeat)', collect),
    false,
  )
    .addHelpText(
      'after',
      [
        '',
        'Repeated options (--ip, --domain-ip, --np-time) replace the whole list.',
        '',
        'Examples / 예:',
        '  hannun portal org update BKNURI0001 --ip 127.0.0.1 --ip 10.0.0.7',
        '  hannun portal org update MDHANNUN01 --serial 2208100999     # a new certificate identity',
        '  hannun portal org update BKNURI0001 --clear address',
      ].join('\n'),
    )
    .action(async (orgCode: string, opts: OrgOptions) => {
      const { client } = await clientFor(opts, env);
      const body = orgBody(opts);
      for (const field of opts.clear ?? []) body[field] = null;
      if (Object.keys(body).length === 0)
        throw new UserError('Nothing to change: give at least one option / 바꿀 항목을 지정하세요');
      const answer = await explained(() => client.call('PATCH', `/admin/orgs/${encodeURIComponent(orgCode)}`, body));
      out.write(
        answer.changed ? `바꿨습니다 / Updated ${orgCode}\n` : `바뀐 것이 없습니다 / Nothing changed for ${orgCode}\n`,
      );
      printOrg(out, answer.org as Record<string, unknown>);
    });

  org
    .command('remove <org_code>')
    .description('기관을 삭제합니다 (서비스 포함) / Remove an organisation and its services (지원-002/003 D changes)')
    .option(...DATA_DIR)
    .addHelpText('after', '\nExample / 예:\n  hannun portal org remove MDNEW00001')
    .action(async (orgCode: string, opts: Common) => {
      const { client } = await clientFor(opts, env);
      await explained(() => client.call('DELETE', `/admin/orgs/${encodeURIComponent(orgCode)}`));
      out.write(`삭제했습니다 / Removed ${orgCode}: participants refuse it from their next sync on.\n`);
    });

  org
    .command('list')
    .description('등록된 기관 / Registered organisations')
    .option(...DATA_DIR)
    .action(async (opts: Common) => {
      const { client } = await clientFor(opts, env);
      const orgs = (await explained(() => client.call('GET', '/admin/orgs'))).org_list as Record<string, unknown>[];
      for (const o of orgs) {
        out.write(
          `${String(o.org_code)}  ${String(o.org_type)}  ${String(o.serial_num ?? '-').padEnd(12)} ${String(o.org_name)}\n`,
        );
      }
      out.write(`${orgs.length} organisations / 기관 ${orgs.length}곳\n`);
    });

  const service = portal.command('service').description('마이데이터 서비스 / Operator services (지원-003)');
  service
    .command('add')
    .description('서비스를 등록하고 client_id·secret을 발급합니다 / Register a service: issue its client_id and secret')
    .requiredOption('--org <org_code>', 'the operator (03) it belongs to / 마이데이터사업자')
    .requiredOption('--name <service_name>', 'service name, at most 10 Hangul syllables / 서비스명')
    .option('--redirect-uri <uri>', 'callback URL, at most 4 (repeat)', collect)
    .option('--app-scheme <scheme>', 'app URL scheme, e.g. hannun://mydata (repeat)', collect)
    .option(...DATA_DIR)
    .addHelpText(
      'after',
      [
        '',
        'Example / 예:',
        '  hannun portal service add --org MDHANNUN01 --name "한눈 가계부" \\',
        '      --redirect-uri https://app.example/callback --app-scheme hannunbook://mydata',
      ].join('\n'),
    )
    .action(async (opts: ServiceOptions) => {
      const { client } = await clientFor(opts, env);
      const answer = await explained(() =>
        client.call('POST', '/admin/services', {
          org_code: opts.org,
          service_name: opts.name,
          ...(opts.redirectUri?.length ? { redirect_uri_list: opts.redirectUri } : {}),
          ...(opts.appScheme?.length ? { app_scheme_list: opts.appScheme } : {}),
        }),
      );
      out.write('서비스를 등록했습니다 / Registered the service\n');
      printOrg(out, answer.service as Record<string, unknown>);
      printCredentials(out, '서비스 자격증명 / Its client credential (개별인증, 통합인증-002)', answer.credentials);
      out.write(ONCE);
    });

  service
    .command('remove <client_id>')
    .description('서비스를 삭제합니다 / Remove a service (a 지원-003 D change)')
    .option(...DATA_DIR)
    .action(async (clientId: string, opts: Common) => {
      const { client } = await clientFor(opts, env);
      await explained(() => client.call('DELETE', `/admin/services/${encodeURIComponent(clientId)}`));
      out.write(`삭제했습니다 / Removed the service ${clientId}\n`);
    });

  service
    .command('list')
    .description('등록된 서비스 / Registered services')
    .option(...DATA_DIR)
    .action(async (opts: Common) => {
      const { client } = await clientFor(opts, env);
      const list = (await explained(() => client.call('GET', '/admin/services'))).service_list as Record<
        string,
        unknown
      >[];
      for (const s of list) out.write(`${String(s.client_id)}  ${String(s.org_code)}  ${String(s.service_name)}\n`);
      out.write(`${list.length} services / 서비스 ${list.length}개\n`);
    });

  portal
    .command('status')
    .description('정보제공자 상태 (지원-102) / Provider status as the portal last polled it')
    .option(...DATA_DIR)
    .action(async (opts: Common) => {
      const { client } = await clientFor(opts, env);
      const list = (await explained(() => client.call('GET', '/admin/status'))).status_list as Record<
        string,
        unknown
      >[];
      const label: Record<string, string> = {
        '01': '정상 normal',
        '02': '장애 failure',
        '03': '점검 maintenance',
        '99': '기타 other',
      };
      for (const s of list) {
        const detail = s.detail ? `  (${String(s.detail)})` : '';
        out.write(
          `${String(s.org_code)}  ${label[String(s.availability)] ?? String(s.availability)}  since ${String(s.since)}${detail}\n`,
        );
      }
      if (list.length === 0)
        out.write('아직 상태가 없습니다 / No status yet (the portal polls every PORTAL_STATUS_INTERVAL_MS)\n');
    });
}
