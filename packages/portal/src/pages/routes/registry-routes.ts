import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import type { Bilingual } from '../page-lang.ts';
import { RegistryNotFoundError } from '../../registry/registry-input-error.ts';
import { type FieldError, fieldErrorOf } from '../forms/field-errors.ts';
import { formValues } from '../forms/form-values.ts';
import { ORG_FIELD_NAMES, orgFormValues, orgInputFromForm, orgPatchFromForm } from '../forms/org-form.ts';
import {
  SERVICE_FIELD_NAMES,
  serviceFormValues,
  serviceInputFromForm,
  servicePatchFromForm,
} from '../forms/service-form.ts';
import { type PageLang, pageLang, pick, withLang } from '../page-lang.ts';
import { fill, TEXT } from '../page-text.ts';
import { type PagesContext, sessionOf } from '../pages-context.ts';
import { sendPage } from '../send-page.ts';
import { credentialsPage } from '../views/credentials-page.ts';
import { messagePage } from '../views/message-page.ts';
import { orgFormPage } from '../views/org-form-page.ts';
import { registryPage } from '../views/registry-page.ts';
import { removePage } from '../views/remove-page.ts';
import { serviceFormPage } from '../views/service-form-page.ts';

type Org = { Params: { org_code: string } };
type Svc = { Params: { client_id: string } };

/** The refusal as field errors, or the error itself when it is not the registry's (a bug: 500). */
function errorsOf(error: unknown, lang: PageLang, fields: readonly string[]): FieldError[] {
  const fe = fieldErrorOf(error, lang, fields);
  if (!fe) throw error;
  return [fe];
}

function notFound(reply: FastifyReply, request: FastifyRequest, lang: PageLang): FastifyReply {
  return sendPage(
    reply,
    404,
    messagePage({
      lang,
      title: TEXT.notFoundTitle,
      body: TEXT.notFoundBody,
      path: request.url.split('?')[0] ?? '/admin',
      session: { csrf: sessionOf(request).csrf, section: 'registry' },
    }),
  );
}

const text = (lang: PageLang, t: Bilingual, values: Record<string, string | number> = {}) =>
  fill(pick(lang, t), values);

/**
 * The registry's pages: the list (with provider status), onboarding an organisation or a service (the same
 * rules as the registry, errors next to their fields, the issued credentials shown once), editing, removing.
 */
export function registerRegistryRoutes(app: FastifyInstance, ctx: PagesContext): void {
  const changed = () => ctx.onChange?.();
  const owners = async () =>
    (await ctx.registry.orgs())
      .filter((o) => o.org.orgType === '03' || o.org.isRcvOrg)
      .map((o) => ({ orgCode: o.org.orgCode, name: o.org.name }));

  app.get<{ Querystring: { removed?: string } }>('/admin', async (request, reply) => {
    const lang = pageLang(request.query);
    const [orgs, services, statuses] = await Promise.all([
      ctx.registry.orgs(),
      ctx.registry.services(),
      ctx.statuses.all(),
    ]);
    const removed = request.query.removed;
    return sendPage(
      reply,
      200,
      registryPage({
        lang,
        csrf: sessionOf(request).csrf,
        orgs,
        services,
        statuses,
        ...(typeof removed === 'string' && /^[A-Za-z0-9]{1,50}$/.test(removed)
          ? { flash: `${pick(lang, TEXT.removed)} (${removed})` }
          : {}),
      }),
    );
  });

  // --- organisations ---
  app.get('/admin/orgs/new', async (request, reply) => {
    const lang = pageLang(request.query);
    return sendPage(reply, 200, orgFormPage({ lang, csrf: sessionOf(request).csrf, values: {}, errors: [] }));
  });

  app.post('/admin/orgs', async (request, reply) => {
    const lang = pageLang(request.query);
    const csrf = sessionOf(request).csrf;
    const values = formValues(request.body);
    try {
      const onboarded = await ctx.admin.onboardOrg(orgInputFromForm(values));
      changed();
      request.log.info(
        { org: onboarded.org.orgCode, type: onboarded.org.orgType, via: 'pages' },
        'organisation onboarded',
      );
      return sendPage(
        reply,
        201,
        credentialsPage({
          lang,
          csrf,
          done: text(lang, TEXT.onboardedOrg, { name: onboarded.org.name, code: onboarded.org.orgCode }),
          credentials: [
            { what: TEXT.ownCredential, credential: onboarded.credential },
            { what: TEXT.portalCredential, credential: onboarded.portalCredential },
          ],
        }),
      );
    } catch (error) {
      const errors = errorsOf(error, lang, ORG_FIELD_NAMES);
      return sendPage(reply, 400, orgFormPage({ lang, csrf, values, errors }));
    }
  });

  app.get<Org>('/admin/orgs/:org_code', async (request, reply) => {
    const lang = pageLang(request.query);
    const stored = await ctx.registry.org(request.params.org_code);
    if (!stored) return notFound(reply, request, lang);
    const services = (await ctx.registry.services()).filter((s) => s.orgCode === stored.org.orgCode).length;
    return sendPage(
      reply,
      200,
      orgFormPage({
        lang,
        csrf: sessionOf(request).csrf,
        editing: { orgCode: stored.org.orgCode, name: stored.org.name, services },
        values: orgFormValues(stored.org),
        errors: [],
      }),
    );
  });

  app.post<Org>('/admin/orgs/:org_code', async (request, reply) => {
    const lang = pageLang(request.query);
    const csrf = sessionOf(request).csrf;
    const stored = await ctx.registry.org(request.params.org_code);
    if (!stored) return notFound(reply, request, lang);
    const values = { ...formValues(request.body), org_code: stored.org.orgCode, org_type: stored.org.orgType };
    const editing = { orgCode: stored.org.orgCode, name: stored.org.name, services: 0 };
    try {
      const { org, change } = await ctx.admin.updateOrg(stored.org.orgCode, orgPatchFromForm(values));
      if (change) {
        changed();
        request.log.info({ org: org.orgCode, via: 'pages' }, 'organisation modified');
      }
      return sendPage(
        reply,
        200,
        orgFormPage({
          lang,
          csrf,
          editing: { ...editing, name: org.name },
          values: orgFormValues(org),
          errors: [],
          flash: pick(lang, change ? TEXT.saved : TEXT.unchanged),
        }),
      );
    } catch (error) {
      if (error instanceof RegistryNotFoundError && error.field === 'org_code') return notFound(reply, request, lang);
      const errors = errorsOf(error, lang, ORG_FIELD_NAMES);
      return sendPage(reply, 400, orgFormPage({ lang, csrf, editing, values, errors }));
    }
  });

  app.get<Org>('/admin/orgs/:org_code/remove', async (request, reply) => {
    const lang = pageLang(request.query);
    const stored = await ctx.registry.org(request.params.org_code);
    if (!stored) return notFound(reply, request, lang);
    const n = (await ctx.registry.services()).filter((s) => s.orgCode === stored.org.orgCode).length;
    return sendPage(
      reply,
      200,
      removePage({
        lang,
        csrf: sessionOf(request).csrf,
        path: `/admin/orgs/${stored.org.orgCode}`,
        question: text(lang, TEXT.removeOrgConfirm, { name: stored.org.name, code: stored.org.orgCode, n }),
      }),
    );
  });

  app.post<Org>('/admin/orgs/:org_code/remove', async (request, reply) => {
    const lang = pageLang(request.query);
    const stored = await ctx.registry.org(request.params.org_code);
    if (!stored) return notFound(reply, request, lang);
    try {
      await ctx.admin.removeOrg(stored.org.orgCode);
    } catch (error) {
      const errors = errorsOf(error, lang, ORG_FIELD_NAMES);
      return sendPage(
        reply,
        409,
        orgFormPage({
          lang,
          csrf: sessionOf(request).csrf,
          editing: { orgCode: stored.org.orgCode, name: stored.org.name, services: 0 },
          values: orgFormValues(stored.org),
          errors,
        }),
      );
    }
    changed();
    request.log.info({ org: stored.org.orgCode, via: 'pages' }, 'organisation removed');
    return reply
      .code(303)
      .header('location', withLang(`/admin?removed=${stored.org.orgCode}`, lang))
      .send();
  });

  // --- services ---
  app.get('/admin/services/new', async (request, reply) => {
    const lang = pageLang(request.query);
    return sendPage(
      reply,
      200,
      serviceFormPage({ lang, csrf: sessionOf(request).csrf, owners: await owners(), values: {}, errors: [] }),
    );
  });

  app.post('/admin/services', async (request, reply) => {
    const lang = pageLang(request.query);
    const csrf = sessionOf(request).csrf;
    const values = formValues(request.body);
    try {
      const added = await ctx.admin.addService(serviceInputFromForm(values));
      changed();
      request.log.info({ org: added.service.orgCode, via: 'pages' }, 'service registered');
      return sendPage(
        reply,
        201,
        credentialsPage({
          lang,
          csrf,
          done: text(lang, TEXT.onboardedService, { name: added.service.name }),
          credentials: [{ what: TEXT.serviceCredential, credential: added.credential }],
        }),
      );
    } catch (error) {
      const errors = errorsOf(error, lang, SERVICE_FIELD_NAMES);
      return sendPage(reply, 400, serviceFormPage({ lang, csrf, owners: await owners(), values, errors }));
    }
  });

  app.get<Svc>('/admin/services/:client_id', async (request, reply) => {
    const lang = pageLang(request.query);
    const service = await ctx.registry.service(request.params.client_id);
    if (!service) return notFound(reply, request, lang);
    return sendPage(
      reply,
      200,
      serviceFormPage({
        lang,
        csrf: sessionOf(request).csrf,
        editing: { clientId: service.clientId, name: service.name },
        owners: await owners(),
        values: serviceFormValues(service),
        errors: [],
      }),
    );
  });

  app.post<Svc>('/admin/services/:client_id', async (request, reply) => {
    const lang = pageLang(request.query);
    const csrf = sessionOf(request).csrf;
    const current = await ctx.registry.service(request.params.client_id);
    if (!current) return notFound(reply, request, lang);
    const values = { ...formValues(request.body), org_code: current.orgCode };
    const editing = { clientId: current.clientId, name: current.name };
    try {
      const { service, change } = await ctx.admin.updateService(current.clientId, servicePatchFromForm(values));
      if (change) changed();
      return sendPage(
        reply,
        200,
        serviceFormPage({
          lang,
          csrf,
          editing: { clientId: service.clientId, name: service.name },
          owners: await owners(),
          values: serviceFormValues(service),
          errors: [],
          flash: pick(lang, change ? TEXT.saved : TEXT.unchanged),
        }),
      );
    } catch (error) {
      const errors = errorsOf(error, lang, SERVICE_FIELD_NAMES);
      return sendPage(reply, 400, serviceFormPage({ lang, csrf, editing, owners: await owners(), values, errors }));
    }
  });

  app.get<Svc>('/admin/services/:client_id/remove', async (request, reply) => {
    const lang = pageLang(request.query);
    const service = await ctx.registry.service(request.params.client_id);
    if (!service) return notFound(reply, request, lang);
    return sendPage(
      reply,
      200,
      removePage({
        lang,
        csrf: sessionOf(request).csrf,
        path: `/admin/services/${service.clientId}`,
        question: text(lang, TEXT.removeServiceConfirm, { name: service.name, code: service.clientId }),
      }),
    );
  });

  app.post<Svc>('/admin/services/:client_id/remove', async (request, reply) => {
    const lang = pageLang(request.query);
    const service = await ctx.registry.service(request.params.client_id);
    if (!service) return notFound(reply, request, lang);
    await ctx.admin.removeService(service.clientId);
    changed();
    request.log.info({ org: service.orgCode, via: 'pages' }, 'service removed');
    return reply
      .code(303)
      .header('location', withLang(`/admin?removed=${service.clientId}`, lang))
      .send();
  });
}
