import type { Logger } from '@hannun/infra';
import type { OperatorRuntime } from '@hannun/operator';
import { INDUSTRY_SCOPES, listScope } from '@hannun/spec';
import type { DemoPerson } from '../ecosystem/demo-file.ts';
import type { DemoPersonProfile } from '../ecosystem/demo-people.ts';
import { approveOnCaPageForDemo } from './approve-on-ca-page.ts';
import { type DemoLogin, newDemoLogin, readDemoLogins, writeDemoLogins } from './demo-logins.ts';

export interface DemoMembersReport {
  readonly people: DemoPerson[];
  readonly signedUp: number;
  /** Institutions the connected person was connected to this start (0 when done before). */
  readonly connected: number;
  readonly failed: number;
}

const KST_OFFSET_MS = 9 * 3600_000;
function inOneYear(nowMs: number): string {
  const d = new Date(nowMs + KST_OFFSET_MS);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  if (d.getUTCMonth() === 2 && d.getUTCDate() === 1) d.setUTCDate(0); // 29 Feb + 1 year → 28 Feb
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * The demo's people in the app (issue #6 item 11), on first start: each signs up through the real identity
 * check at the CA; the 'connected' one then proposes a consent at every institution holding their products
 * and connects them all with ONE 통합인증 approval (통합인증-102, the CA's page, 103, then 통합인증-002 at each
 * provider), after which the collection engine starts `user-consent` collection. The person's own steps on
 * the CA's page (typing the PIN) are done programmatically through the page's real form (DEMO ONLY,
 * approve-on-ca-page.ts). The 'newcomer' is signed up but left unconnected, to try the flow. Later starts
 * change nothing. Returns the people as demo.json lists them, with their app login.
 */
export async function prepareDemoMembers(o: {
  readonly runtime: OperatorRuntime;
  readonly dataDir: string;
  readonly people: readonly DemoPersonProfile[];
  readonly logger: Logger;
}): Promise<DemoMembersReport> {
  const { runtime: rt, logger } = o;
  const { domain } = rt;
  const logins = await readDemoLogins(o.dataDir);
  let signedUp = 0;
  let connected = 0;
  let failed = 0;
  const out: DemoPerson[] = [];
  for (const p of o.people) {
    let login: DemoLogin | undefined = logins[p.ci];
    if (!login) {
      login = newDemoLogin(p.role);
      logins[p.ci] = login;
      await writeDemoLogins(o.dataDir, logins);
    }
    let personId = await domain.people.personIdByCi(p.ci);
    if (!personId) {
      const started = await rt.signUp.begin({ name: p.name, birthDate: p.birthDate, phone: p.providerLogin.phone });
      await approveOnCaPageForDemo(started.caPageUrl, p.caPin);
      const identity = await rt.signUp.confirmed(started.ticket);
      if (!identity) throw new Error('the CA did not confirm the demo person');
      ({ personId } = await domain.people.signUp({ ...identity, loginName: login.login, password: login.password }));
      await rt.signUp.consume(started.ticket);
      signedUp++;
    }
    if (p.role === 'connected' && !login.connectedAt) {
      const r = await connectEverywhere(rt, personId, p);
      connected += r.connected;
      failed += r.failed;
      if (r.connected > 0) {
        logins[p.ci] = { ...login, connectedAt: new Date(domain.clock.nowMs()).toISOString() };
        await writeDemoLogins(o.dataDir, logins);
      }
    }
    out.push({
      login: login.login,
      password: login.password,
      ci: p.ci,
      name: p.name,
      role: p.role,
      caPin: p.caPin,
      providerLogin: p.providerLogin,
      institutions: p.institutions,
    });
  }
  if (signedUp > 0 || connected > 0 || failed > 0) {
    logger.info({ signedUp, connected, failed }, 'demo people signed up and connected through the real paths');
  }
  return { people: out, signedUp, connected, failed };
}

async function connectEverywhere(
  rt: OperatorRuntime,
  personId: string,
  p: DemoPersonProfile,
): Promise<{ connected: number; failed: number }> {
  const { domain } = rt;
  const endDate = inOneYear(domain.clock.nowMs());
  const ids: string[] = [];
  for (const orgCode of p.institutions) {
    const industry = rt.registry.org(orgCode)?.industry;
    if (!industry) {
      rt.logger.warn({ org: orgCode }, 'demo: an institution of the connected person is not in the registry');
      continue;
    }
    const c = await domain.consents.propose(personId, {
      orgCode,
      authPath: 'integrated',
      scopes: INDUSTRY_SCOPES[industry].filter((s) => s !== listScope(industry)),
      target: 'all',
      assets: [],
      isScheduled: true,
      fndCycle: '1/w',
      addCycle: '1/w',
      endDate,
      purpose: '자산 통합조회 및 분석',
      period: '서비스 탈퇴 또는 전송요구 철회 시까지',
      flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    });
    ids.push(c.id);
  }
  if (ids.length === 0) return { connected: 0, failed: 0 };
  const flow = await rt.integrated.start(personId, ids);
  await approveOnCaPageForDemo(flow.caPageUrl, p.caPin);
  const end = await rt.integrated.wait(personId, flow.id);
  const connected = end?.institutions.filter((i) => i.status === 'connected').length ?? 0;
  return { connected, failed: ids.length - connected };
}
