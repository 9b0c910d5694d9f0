import type { ServiceDefinition } from '../ecosystem/service-definition.ts';
import { createDocsHub } from './create-docs-hub.ts';

/**
 * The docs hub on its own port (DOCS_PORT, 3001): the operator's app took PORT (3000), and answers `/docs` there
 * with a redirect here, so `http://localhost:3000/docs` keeps reaching the catalogue.
 */
export const docsHubService: ServiceDefinition = {
  name: 'docs',
  role: 'docs',
  description: { ko: '문서 허브', en: 'docs hub' },
  defaultPort: 3001,
  portVariable: 'DOCS_PORT',
  async start(ctx) {
    const hub = createDocsHub({ logger: ctx.logger, version: ctx.version, running: ctx.running });
    const url = await hub.start({ host: ctx.host, port: ctx.port });
    return { url, stop: () => hub.stop() };
  },
};
