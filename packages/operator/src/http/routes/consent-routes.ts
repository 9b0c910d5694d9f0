import type { FastifyInstance } from '@hannun/infra';
import { checkDraft } from '../../consent/consent-draft.ts';
import type { ConsentRecord } from '../../consent/consents.ts';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { invalid, OperatorError } from '../../shared/operator-error.ts';
import { requireSession, sessionOf } from '../session-guard.ts';
import { bodyOf, str } from './body.ts';
import { consentView, sectorsOf } from './consent-view.ts';
import { changesOf, choicesOf, draftFor, industryOf, orgCodesOf } from './draft-input.ts';

/**
 * Consent (전송요구): the institutions by sector, proposals for some institutions or a whole sector, the
 * person's consents, change, extension, withdrawal (revoked at the provider at once, jobs stopped) and the
 * deletion offered per institution afterwards.
 */
export function registerConsentRoutes(app: FastifyInstance, rt: OperatorRuntime): void {
  const { domain } = rt;
  const guard = { preHandler: requireSession(rt) };
  const recipient = () => ({ orgCode: rt.ca.operatorOrgCode, clientId: rt.providers.clientId });

  app.get('/api/institutions', guard, async (request) => {
    const { personId } = sessionOf(request);
    const live = new Map<string, ConsentRecord>();
    for (const c of await domain.consents.history(personId)) {
      if (c.status === 'active' || (c.status === 'pending' && !live.has(c.orgCode))) live.set(c.orgCode, c);
    }
    return {
      sectors: sectorsOf(rt).map((s) => ({
        ...s,
        institutions: s.institutions.map((i) => {
          const c = live.get(i.orgCode);
          return { ...i, consent: c ? { id: c.id, status: c.status, endDate: c.endDate } : null };
        }),
      })),
    };
  });

  app.get('/api/consents', guard, async (request) => {
    const { personId } = sessionOf(request);
    const all = await domain.consents.history(personId);
    return {
      consents: all.filter((c) => c.status === 'active' || c.status === 'pending').map((c) => consentView(rt, c)),
    };
  });

  app.get<{ Params: { id: string } }>('/api/consents/:id', guard, async (request) => {
    const { personId } = sessionOf(request);
    const c = await domain.consents.get(personId, request.params.id);
    if (!c) throw new OperatorError('OP_NOT_FOUND', 'no such consent of this person', '해당 전송요구가 없습니다', 'id');
    return {
      consent: consentView(rt, c),
      history: (await domain.consents.history(personId, c.orgCode)).map((h) => consentView(rt, h)),
    };
  });

  // Proposals: `orgCodes` (some institutions) or `industry` (a whole sector, MyData 2.0); all checked first,
  // so a bad one writes nothing.
  app.post('/api/consents', guard, async (request, reply) => {
    const { personId } = sessionOf(request);
    const body = bodyOf(request);
    const now = domain.clock.nowMs();
    const choices = choicesOf(body, now);
    if ((body.orgCodes === undefined) === (body.industry === undefined)) {
      throw invalid('orgCodes', 'send either orgCodes or industry', 'orgCodes 또는 industry 중 하나를 보내세요');
    }
    let created: ConsentRecord[];
    if (body.industry !== undefined) {
      created = await domain.consents.connectSector(personId, industryOf(body.industry), choices);
    } else {
      const drafts = orgCodesOf(body.orgCodes).map((orgCode, i) => {
        const industry = rt.registry.org(orgCode)?.industry;
        if (!industry)
          throw invalid(`orgCodes[${i}]`, 'is not a registered information provider', '등록된 정보제공자가 아닙니다');
        return draftFor(orgCode, industry, choices);
      });
      for (const d of drafts) checkDraft(d, rt.registry, recipient(), now);
      created = [];
      for (const d of drafts) created.push(await domain.consents.propose(personId, d));
    }
    return reply.code(201).send({ consents: created.map((c) => consentView(rt, c)) });
  });

  app.post<{ Params: { id: string } }>('/api/consents/:id/change', guard, async (request, reply) => {
    const c = await domain.consents.change(sessionOf(request).personId, request.params.id, changesOf(bodyOf(request)));
    return reply.code(201).send({ consent: consentView(rt, c) });
  });

  app.post<{ Params: { id: string } }>('/api/consents/:id/extend', guard, async (request, reply) => {
    const endDate = str(bodyOf(request), 'endDate', { max: 8 });
    const c = await domain.consents.extend(sessionOf(request).personId, request.params.id, endDate);
    return reply.code(201).send({ consent: consentView(rt, c) });
  });

  // Withdrawal must not be harder than consent: one call ends it, revokes at the provider, stops the jobs.
  app.post<{ Params: { id: string } }>('/api/consents/:id/withdraw', guard, async (request) => {
    const { personId } = sessionOf(request);
    const ended = await domain.consents.withdraw(personId, request.params.id);
    const outcomes = await rt.followUps.run(ended.followUps);
    const offer = ended.followUps.find((f) => f.kind === 'offer-deletion');
    return {
      consent: consentView(rt, ended.consent),
      revokedAtProvider: outcomes.find((o) => o.kind === 'revoke-tokens')?.result === 'done',
      jobsStopped: outcomes.find((o) => o.kind === 'stop-jobs')?.result === 'done',
      deletionOffer: offer
        ? { id: offer.id, orgCode: offer.orgCode, institution: rt.providers.name(offer.orgCode) }
        : null,
    };
  });

  app.get('/api/deletion-offers', guard, async (request) => {
    const { personId } = sessionOf(request);
    const offers = (await domain.consents.followUps.forPerson(domain.store.db, personId)).filter(
      (f) => f.kind === 'offer-deletion',
    );
    return {
      offers: offers.map((f) => ({
        id: f.id,
        orgCode: f.orgCode,
        institution: rt.providers.name(f.orgCode),
        createdAt: f.createdAt,
      })),
    };
  });

  // The person's answer to "delete what was collected from …?": delete (in one transaction, audited) or keep.
  app.post<{ Params: { id: string } }>('/api/deletion-offers/:id', guard, async (request) => {
    const { personId } = sessionOf(request);
    const body = bodyOf(request);
    if (typeof body.delete !== 'boolean')
      throw invalid('delete', 'must be true or false', 'true 또는 false여야 합니다');
    const offer = (await domain.consents.followUps.forPerson(domain.store.db, personId)).find(
      (f) => f.id === request.params.id && f.kind === 'offer-deletion',
    );
    if (!offer) throw new OperatorError('OP_NOT_FOUND', 'no such deletion offer', '삭제 안내가 없습니다', 'id');
    const active = (await domain.consents.active(personId)).some((c) => c.orgCode === offer.orgCode);
    let deleted = 0;
    await domain.store.transaction(async (trx) => {
      // A consent given again since keeps what it collects: nothing is deleted then.
      if (body.delete === true && !active) {
        deleted = await domain.data.deleteInstitution(trx, personId, offer.orgCode);
        await domain.audit.append(trx, {
          actor: `person:${personId}`,
          action: 'data.delete-institution',
          subject: personId,
          details: { org_code: offer.orgCode, rows: deleted },
        });
      }
      await domain.consents.followUps.complete(trx, offer.id, domain.clock.nowMs());
    });
    return { deleted: body.delete === true && !active, rows: deleted };
  });
}
