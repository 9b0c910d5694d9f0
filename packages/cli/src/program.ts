import { describeConfig } from '@hannun/infra';
import { Command } from 'commander';
import { BENCHMARKS, benchmarks } from './bench/registry.ts';
import { runBenchmarks } from './bench/run-benchmarks.ts';
import { registerConformanceCommand } from './commands/conformance.ts';
import { registerOperatorCheckCommand } from './commands/operator-check.ts';
import { runOpenApi } from './commands/openapi.ts';
import { runPkiRotate, runPkiStatus } from './commands/pki.ts';
import { registerPortalCommands } from './commands/portal.ts';
import { runReport } from './commands/report.ts';
import { PORTAL_SERVICE_SETTINGS } from './portal/portal-service.ts';
import { type Output, runUp } from './commands/up.ts';
import { registerWorkerCommand } from './commands/worker.ts';
import { PROVIDER_SETTINGS, providerService } from './provider/provider-service.ts';
import { SERVICES } from './ecosystem/services.ts';
import { portSettings, SHARED_SETTINGS } from './ecosystem/up-config.ts';
import { HANNUN_VERSION } from './version.ts';

/** The `hannun` command and its subcommands. */
export function createProgram(out: Output = process.stdout): Command {
  const program = new Command('hannun')
    .description(
      '한눈: 금융 마이데이터 생태계(종합포털, 통합인증기관, 정보제공자, 마이데이터 사업자, 앱)를 실행하고 다루는 명령\n' +
        'Hannun: run and work with the whole Korean financial MyData ecosystem (portal, CA, providers, operator, app).',
    )
    .version(HANNUN_VERSION, '-v, --version', 'print the version / 버전 출력')
    .helpOption('-h, --help', 'show help / 도움말')
    .helpCommand('help [command]', 'show help for a command / 명령 도움말')
    .showHelpAfterError('(hannun --help: 사용법 / usage)');

  const env = describeConfig({
    ...SHARED_SETTINGS,
    ...portSettings(SERVICES),
    ...PORTAL_SERVICE_SETTINGS,
    ...PROVIDER_SETTINGS,
  });
  program
    .command('up')
    .description('생태계의 모든 서비스를 한 번에 실행합니다 / Run every service of the ecosystem in one process')
    .addHelpText(
      'after',
      `\nEnvironment variables / 환경 변수:\n${env.join('\n')}\n\nCtrl-C stops every service cleanly.`,
    )
    .action(async () => {
      await runUp(out);
    });

  const providerEnv = describeConfig({ ...SHARED_SETTINGS, ...portSettings([providerService]), ...PROVIDER_SETTINGS });
  program
    .command('provider')
    .description('정보제공자 엔진만 실행합니다 (26개 기관, 11개 업권) / Run the information-provider engine alone')
    .addHelpText('after', `\nEnvironment variables / 환경 변수:\n${providerEnv.join('\n')}\n\nCtrl-C stops it cleanly.`)
    .action(async () => {
      await runUp(out, { services: [providerService] });
    });

  const pki = program
    .command('pki')
    .description('로컬 PKI(루트 CA, 기관 인증서, 서명키)를 보고 교체합니다 / Inspect and rotate the local PKI')
    .addHelpText(
      'after',
      [
        '',
        'The PKI lives in <data dir>/pki (HANNUN_DATA_DIR, default ./data); `hannun up` creates it on first start',
        'and reuses it after. Every organisation has a mutual-TLS certificate whose subject serialNumber is its',
        'registration number, and an ES256 signing key. Organisation ids are lower-case org_codes (mdhannun01).',
        '',
        'Examples / 예:',
        '  hannun pki status',
        '  hannun pki rotate --org MDHANNUN01',
        '  hannun pki rotate --org bknuri0001 --signing',
        '  hannun pki rotate --root',
      ].join('\n'),
    );
  pki
    .command('status')
    .description(
      '인증서마다 serialNumber, 만료일, 남은 날, 지문을 보여 줍니다 / Show every certificate: serialNumber, expiry, days left, fingerprint',
    )
    .option('--data-dir <dir>', 'data directory / 데이터 디렉터리 (default: HANNUN_DATA_DIR or ./data)')
    .addHelpText('after', '\nExample / 예:\n  hannun pki status\n  HANNUN_DATA_DIR=/srv/hannun hannun pki status')
    .action(async (opts: { dataDir?: string }) => {
      await runPkiStatus(out, opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {});
    });
  pki
    .command('rotate')
    .description(
      '키와 인증서를 미리 교체합니다 (옛 파일은 archive/로) / Replace keys and certificates early (old files archived)',
    )
    .option('--org <id>', "one organisation's TLS key and certificate (org_code or id) / 한 기관")
    .option('--root', 'the root CA, and with it every TLS certificate / 루트와 모든 인증서')
    .option('--signing', 'also the signing key(s): tokens they signed stop verifying / 서명키도 교체')
    .option('--data-dir <dir>', 'data directory / 데이터 디렉터리 (default: HANNUN_DATA_DIR or ./data)')
    .addHelpText(
      'after',
      [
        '',
        'Running services keep the credentials they loaded: restart `hannun up` afterwards.',
        '실행 중인 서비스는 다시 시작해야 새 인증서를 씁니다.',
        '',
        'Examples / 예:',
        '  hannun pki rotate --org MDHANNUN01            new TLS key and certificate for the operator',
        '  hannun pki rotate --org bknuri0001 --signing  … and a new token signing key for 누리은행',
        '  hannun pki rotate --root                      new root; every certificate re-issued',
      ].join('\n'),
    )
    .action(async (opts: { org?: string; root?: boolean; signing?: boolean; dataDir?: string }) => {
      await runPkiRotate(out, opts);
    });

  registerPortalCommands(program, out);

  program
    .command('report')
    .description(
      '한 사람의 한눈 요약(순자산, 이번 달 지출, 정기 결제, 신용, 추천과 그 이유)을 보여 줍니다 / Print a person’s one-glance summary from a running operator',
    )
    .argument('<login>', 'the app login name / 앱 로그인 이름 (demo: demo.connected)')
    .option('--json', 'print the JSON of GET /api/analysis/summary / JSON으로 출력')
    .option('--password <password>', 'password (else HANNUN_PASSWORD, the demo’s logins file, or a prompt) / 비밀번호')
    .option('--url <url>', "the operator app's URL (else HANNUN_APP_URL, demo.json, http://127.0.0.1:3000)")
    .option('--data-dir <dir>', 'data directory / 데이터 디렉터리 (default: HANNUN_DATA_DIR or ./data)')
    .addHelpText(
      'after',
      [
        '',
        'Logs in over the app API (as the app does), reads /api/analysis/summary and logs out. Amounts that are',
        'not known (an institution failed, a balance not collected yet) are printed as unknown with the reason.',
        '앱 API로 로그인해 요약을 읽습니다. 알 수 없는 금액은 0이 아니라 "알 수 없음"과 이유로 보여 줍니다.',
        '',
        'Examples / 예:',
        '  hannun report demo.connected                 (password from <data dir>/operator/demo-logins.json)',
        '  hannun report demo.connected --json',
        '  HANNUN_PASSWORD=… hannun report alice --url http://127.0.0.1:3000',
      ].join('\n'),
    )
    .action(async (login: string, opts: { json?: boolean; password?: string; url?: string; dataDir?: string }) => {
      await runReport(out, login, opts);
    });
  registerConformanceCommand(program, out);
  registerOperatorCheckCommand(program, out);
  registerWorkerCommand(program);

  program
    .command('openapi')
    .description('역할별 OpenAPI 문서를 씁니다 / Write the OpenAPI document of each role')
    .requiredOption('-o, --out <dir>', 'output directory / 출력 디렉터리')
    .action(async (opts: { out: string }) => {
      await runOpenApi(opts.out, out);
    });

  program
    .command('bench')
    .description('벤치마크를 실행하고 docs/benchmarks.md를 다시 씁니다 / Run the benchmarks and regenerate the report')
    .option('--only <name>', `run one benchmark (${BENCHMARKS.map((b) => b.name).join(', ')})`)
    .option('--quick', 'fewer, shorter rounds, for trying a change (the results replace the full ones)')
    .option('--results <dir>', 'results directory', 'bench/results')
    .option('--report <file>', 'Markdown report', 'docs/benchmarks.md')
    .action(async (opts: { only?: string; quick?: boolean; results: string; report: string }) => {
      await runBenchmarks({
        benchmarks: benchmarks({ quick: opts.quick === true }),
        ...(opts.only ? { only: opts.only } : {}),
        resultsDir: opts.results,
        reportPath: opts.report,
        out,
      });
    });

  return program;
}
