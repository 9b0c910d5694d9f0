import { createService, errorBody, type Logger, type Service } from '@hannun/infra';
import { CATALOGUE, findApi, generateOpenApi, OPENAPI_ROLES, type ServiceRole } from '@hannun/spec';
import type { RunningServiceInfo } from '../ecosystem/service-definition.ts';
import { apiPage } from './api-page.ts';
import { homePage } from './home-page.ts';
import { langOf } from './i18n.ts';
import { notFoundPage } from './not-found-page.ts';
import { sendHtml } from './send-html.ts';
import { HUB_CSS } from './styles.ts';

export interface DocsHubOptions {
  readonly logger: Logger;
  readonly version: string;
  /** The services running now, for the roles table; just the hub itself when alone. */
  readonly running?: () => readonly RunningServiceInfo[];
}

const MAX_QUERY = 100;

function queryText(query: unknown): string {
  const q = (query as { q?: unknown } | null)?.q;
  return typeof q === 'string' ? q.slice(0, MAX_QUERY) : '';
}

/**
 * The docs hub: a page in Korean (English with `?lang=en`) listing the roles and their status, the
 * catalogue explorer (`/`, `/apis/:id`) and the OpenAPI documents (`/openapi/:role.json`).
 */
export function createDocsHub(opts: DocsHubOptions): Service {
  const running = opts.running ?? (() => []);
  const app = createService({
    name: 'docs',
    version: opts.version,
    logger: opts.logger,
    notFound: (request, reply) =>
      sendHtml(reply, 404, notFoundPage(langOf(request.query), request.url.split('?')[0] ?? '/')),
  });

  app.get('/assets/hub.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(HUB_CSS),
  );

  app.get('/', async (request, reply) =>
    sendHtml(
      reply,
      200,
      homePage({
        lang: langOf(request.query),
        query: queryText(request.query),
        running: running(),
        catalogueSize: CATALOGUE.length,
      }),
    ),
  );

  app.get<{ Params: { id: string } }>('/apis/:id', async (request, reply) => {
    const lang = langOf(request.query);
    const api = findApi(request.params.id);
    if (!api)
      return sendHtml(
        reply,
        404,
        notFoundPage(lang, `/apis/${encodeURIComponent(request.params.id)}`, request.params.id),
      );
    return sendHtml(reply, 200, apiPage(lang, api));
  });

  app.get<{ Params: { role: string } }>('/openapi/:role.json', async (request, reply) => {
    const role = request.params.role;
    if (!(OPENAPI_ROLES as readonly string[]).includes(role)) {
      return reply
        .code(404)
        .send(errorBody(404, `No OpenAPI document for '${role}'; roles: ${OPENAPI_ROLES.join(', ')}`, request.id));
    }
    return reply.type('application/json; charset=utf-8').send(generateOpenApi(role as ServiceRole));
  });

  return app;
}
