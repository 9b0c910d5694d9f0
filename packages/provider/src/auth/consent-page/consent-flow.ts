import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import { INDUSTRY_SCOPES, type InformationScope, listScope } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { kstDate } from '../../clock/kst.ts';
import type { ConsentRecord } from '../../consent/consent.ts';
import { callbackUrl } from '../authorize/callback-url.ts';
import type { AuthDeps, AuthInstitution } from '../auth-deps.ts';
import { sendPage } from '../pages/layout.ts';
import { finishWithError, openSession, pageForm, type Session } from '../pages/page-session.ts';
import { TEXT } from '../pages/page-text.ts';
import { randomToken, sha256Hex } from '../secrets.ts';
import { type AssetOption, assetOptions } from './asset-options.ts';
import { type ConsentChoices, consentPage, type ConsentPageData } from './consent-page.ts';
import { consentPeriod, consentPurpose, CYCLE_CHOICES, DEFAULT_CYCLE } from './consent-terms.ts';

type Query = Record<string, string | undefined>;

const MAX_YEARS = 5;

function pageData(
  deps: AuthDeps,
  inst: AuthInstitution,
  session: Session,
  assets: readonly AssetOption[],
): ConsentPageData {
  const industry = inst.institution.industry;
  const list = listScope(industry);
  const today = kstDate(deps.clock.nowMs());
  const recipient = deps.registry?.org(session.service.orgCode);
  return {
    service: session.service.name,
    recipientOrg: recipient?.name ?? session.service.orgCode,
    listScope: list,
    scopes: (INDUSTRY_SCOPES[industry] as readonly InformationScope[]).filter((s) => s !== list),
    assets,
    purpose: consentPurpose(session.service, industry, session.lang),
    period: consentPeriod(session.lang),
    minDate: today.toString(),
    maxDate: today.add({ years: MAX_YEARS }).toString(),
  };
}

function customerOf(inst: AuthInstitution, session: Session) {
  return inst.book.customer(session.request.userCi);
}

/** GET <base>/auth/consent: the consent page, with every asset and item chosen by default and a 1-year end. */
export async function showConsent(deps: AuthDeps, inst: AuthInstitution, http: FastifyRequest, reply: FastifyReply) {
  const opened = await openSession(deps, inst, http, reply, http.query as Query, 'consent');
  if (!opened.ok) return opened.reply;
  const { session } = opened;
  const customer = customerOf(inst, session);
  if (!customer)
    return finishWithError(deps, reply, session.request, 'unauthorized_user', '이 정보제공자의 고객이 아닙니다');
  const assets = assetOptions(inst, customer, deps.clock.nowMs());
  const data = pageData(deps, inst, session, assets);
  const defaults: ConsentChoices = {
    scopes: new Set(data.scopes.filter((s) => assets.some((a) => a.holding.scope === s))),
    assets: new Set(assets.map((a) => a.token)),
    scheduled: true,
    cycle: DEFAULT_CYCLE,
    endDate: kstDate(deps.clock.nowMs()).add({ years: 1 }).toString(),
    memo: false,
    merchant: false,
    category: false,
  };
  return sendPage(reply, 200, consentPage(session.frame, data, defaults), new URL(session.request.redirectUri).origin);
}

function parseDate(text: string): Temporal.PlainDate | undefined {
  try {
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? Temporal.PlainDate.from(text, { overflow: 'reject' }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POST <base>/auth/consent: store the consent as chosen, issue the authorization code (aNS(128): 86
 * random base64url characters, single use, lifetime ≤ 10 minutes, stored by its hash) and send the person
 * to redirect_uri with code, state and api_tran_id. Cancel goes back with `access_denied`. Choosing an
 * asset chooses its data item; at least one asset is needed.
 */
export async function submitConsent(deps: AuthDeps, inst: AuthInstitution, http: FastifyRequest, reply: FastifyReply) {
  const form = pageForm(http.body);
  const fields = {
    request: form.get('request') ?? undefined,
    lang: form.get('lang') ?? undefined,
    csrf: form.get('csrf') ?? undefined,
  };
  return deps.lock.run(`request\u0001${fields.request ?? ''}`, async () => {
    const opened = await openSession(deps, inst, http, reply, fields, 'consent');
    if (!opened.ok) return opened.reply;
    const { session } = opened;
    const { request } = session;
    const lang = session.lang;
    if (form.get('action') === 'cancel') {
      return finishWithError(deps, reply, request, 'access_denied', '정보주체가 전송요구를 취소했습니다');
    }
    const customer = customerOf(inst, session);
    if (!customer) return finishWithError(deps, reply, request, 'unauthorized_user', '이 정보제공자의 고객이 아닙니다');
    const now = deps.clock.nowMs();
    const options = assetOptions(inst, customer, now);
    const data = pageData(deps, inst, session, options);
    const chosenTokens = new Set(form.getAll('asset'));
    const chosen = options.filter((a) => chosenTokens.has(a.token));
    const scopes = new Set(form.getAll('scope').filter((s) => (data.scopes as readonly string[]).includes(s)));
    for (const a of chosen) scopes.add(a.holding.scope);
    const cycle = form.get('cycle') ?? '';
    const endText = form.get('end_date') ?? '';
    const choices: ConsentChoices = {
      scopes,
      assets: new Set(chosen.map((a) => a.token)),
      scheduled: form.get('scheduled') !== 'false',
      cycle,
      endDate: endText,
      memo: form.get('memo') === 'true',
      merchant: form.get('merchant') === 'true',
      category: form.get('category') === 'true',
    };
    const today = kstDate(now);
    const end = parseDate(endText);
    const again = (error: string) =>
      sendPage(reply, 400, consentPage(session.frame, data, choices, error), new URL(request.redirectUri).origin);
    if (chosen.length === 0) return again(TEXT.noAssetChosen[lang]);
    if (!(CYCLE_CHOICES as readonly string[]).includes(cycle)) return again(TEXT.badCycle[lang]);
    if (
      !end ||
      Temporal.PlainDate.compare(end, today) < 0 ||
      Temporal.PlainDate.compare(end, today.add({ years: MAX_YEARS })) > 0
    ) {
      return again(TEXT.badEndDate[lang]);
    }

    const list = listScope(inst.institution.industry);
    const consent: ConsentRecord = {
      id: randomUUID(),
      orgCode: inst.institution.orgCode,
      ci: request.userCi,
      recipientOrgCode: session.service.orgCode,
      clientId: session.service.clientId,
      scopes: [list, ...data.scopes.filter((s) => scopes.has(s))],
      assets: chosen.map((a) => ({ listApi: a.holding.listApi, key: a.holding.key })),
      isScheduled: choices.scheduled,
      fndCycle: cycle,
      addCycle: cycle,
      endDate: end,
      purpose: consentPurpose(session.service, inst.institution.industry, 'ko'),
      period: consentPeriod('ko'),
      flags: { transMemo: choices.memo, merchantNameRegno: choices.merchant, transCategory: choices.category },
      createdAt: now,
      auth: 'individual',
    };
    const code = randomToken(64);
    await deps.store.consents.insert(consent);
    await deps.store.codes.insert({
      codeHash: sha256Hex(code),
      orgCode: inst.institution.orgCode,
      clientId: session.service.clientId,
      redirectUri: request.redirectUri,
      ci: request.userCi,
      consentId: consent.id,
      issuedAt: now,
      expiresAt: now + deps.lifetimes.codeSeconds * 1000,
    });
    await deps.store.requests.delete(request.id);
    http.log.info({ org: inst.institution.orgCode, consent: consent.id }, 'consent given; authorization code issued');
    return reply
      .code(302)
      .header('cache-control', 'no-store')
      .header('location', callbackUrl(request.redirectUri, { code, state: request.state, api_tran_id: request.tranId }))
      .send();
  });
}
