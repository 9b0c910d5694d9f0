import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger, type Logger } from '@hannun/infra';
import { ensurePki, loadPki, type OrgCredentials, type Pki } from '@hannun/pki';
import type { Institution } from '@hannun/provider';
import { createRegistry, hashClientSecret, newClientCredential, type Registry } from '@hannun/registry';
import { HANNUN_APP, HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import {
  type BenchOrganisation,
  type BenchPerson,
  benchInstitutions,
  benchOrganisations,
} from './integrated-auth-world.ts';

/** The benchmark's processes log warnings and errors only: request lines would measure the logger. */
export function benchLogger(service: string): Logger {
  return createLogger({ service, level: 'warn' });
}

export interface ClientPair {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** What the parent hands the children in the data directory (0600): credentials with their secrets, people. */
interface RunFile {
  readonly orgs: Record<string, ClientPair>;
  readonly service: ClientPair;
  readonly people: readonly BenchPerson[];
}

const RUN_FILE = 'bench-run.json';

/** Where every organisation of the benchmark calls from. */
export const BENCH_IPS: readonly string[] = ['127.0.0.1', '::1'];

/**
 * The registry of the benchmark's ecosystem, built as the portal would register it: each organisation with its
 * certificate's serialNumber, loopback addresses, ca_code for the CA and its own client credentials (hashes only),
 * and the operator's one service (the Hannun app's name and callbacks).
 */
export function benchRegistry(
  organisations: readonly BenchOrganisation[],
  credentials: { readonly orgs: Readonly<Record<string, ClientPair>>; readonly service: ClientPair },
  takenAt: number,
): Registry {
  return createRegistry({
    takenAt,
    orgs: organisations.map((o) => {
      const own = credentials.orgs[o.orgCode];
      if (!own) throw new Error(`no client credentials for ${o.orgCode}`);
      return {
        orgCode: o.orgCode,
        orgType: o.orgType,
        ...(o.industry ? { industry: o.industry } : {}),
        name: o.name,
        serialNum: o.regNo,
        ips: BENCH_IPS,
        ...(o.caCode ? { caCode: o.caCode } : {}),
        credentials: { clientId: own.clientId, clientSecretHash: hashClientSecret(own.clientSecret) },
      };
    }),
    services: [
      {
        clientId: credentials.service.clientId,
        orgCode: HANNUN_OPERATOR.orgCode,
        name: HANNUN_APP.name,
        clientSecretHash: hashClientSecret(credentials.service.clientSecret),
        redirectUris: HANNUN_APP.redirectUris,
        appSchemes: HANNUN_APP.appSchemes,
      },
    ],
  });
}

/** The trust layer of the benchmark's ecosystem, as each process holds it. */
export interface BenchTrust {
  readonly pki: Pki;
  readonly registry: Registry;
  readonly organisations: readonly BenchOrganisation[];
  readonly institutions: readonly Institution[];
  /** Each organisation's own client credentials, with the secret (통합인증-101 at the CA). */
  readonly orgCredentials: ReadonlyMap<string, ClientPair>;
  /** The operator's service (통합인증-002 at the providers). */
  readonly service: ClientPair;
  readonly people: readonly BenchPerson[];
  /** How long the PKI took (the parent: created; a child: loaded), ms. */
  readonly pkiMs: number;
}

function trustOf(pki: Pki, run: RunFile, pkiMs: number, takenAt: number): BenchTrust {
  const institutions = benchInstitutions();
  const organisations = benchOrganisations(institutions);
  return {
    pki,
    registry: benchRegistry(organisations, run, takenAt),
    organisations,
    institutions,
    orgCredentials: new Map(Object.entries(run.orgs)),
    service: run.service,
    people: run.people,
    pkiMs,
  };
}

/**
 * In the parent: a root CA and, for each of the 30 providers, the operator, the CA and the engine's host, a TLS
 * certificate (serialNumber = registration number) and an ES256 signing key (`ensurePki`, as `hannun up`); client
 * credentials for each; the run's people. Written to `dataDir` for the children (`loadBenchTrust`).
 */
export async function createBenchTrust(dataDir: string, people: readonly BenchPerson[]): Promise<BenchTrust> {
  const organisations = benchOrganisations(benchInstitutions());
  const started = performance.now();
  const pki = await ensurePki({
    dataDir,
    orgs: organisations.map((o) => ({ id: o.pkiId, name: o.name, regNo: o.regNo })),
  });
  const pkiMs = performance.now() - started;
  const pair = (): ClientPair => ({ clientId: newClientCredential(), clientSecret: newClientCredential() });
  const run: RunFile = {
    orgs: Object.fromEntries(organisations.map((o) => [o.orgCode, pair()])),
    service: pair(),
    people,
  };
  await writeFile(join(dataDir, RUN_FILE), JSON.stringify(run), { mode: 0o600 });
  return trustOf(pki, run, pkiMs, Date.now());
}

/** In a child: the trust layer the parent created in `dataDir`. */
export async function loadBenchTrust(dataDir: string): Promise<BenchTrust> {
  const started = performance.now();
  const pki = await loadPki({ dataDir });
  const pkiMs = performance.now() - started;
  const run = JSON.parse(await readFile(join(dataDir, RUN_FILE), 'utf8')) as RunFile;
  return trustOf(pki, run, pkiMs, Date.now());
}

/** An organisation's TLS certificate and signing key, by org_code. */
export function pkiOf(trust: BenchTrust, orgCode: string): OrgCredentials {
  const org = trust.organisations.find((o) => o.orgCode === orgCode);
  if (!org) throw new Error(`${orgCode} is not an organisation of the benchmark`);
  return trust.pki.org(org.pkiId);
}
