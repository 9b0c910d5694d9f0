import type { ServiceDefinition } from '../ecosystem/service-definition.ts';
import { createDocsHub } from './create-docs-hub.ts';

export const docsHubService: ServiceDefinition = {
  name: 'docs',
  role: 'docs',
  description: { ko: '문서 허브', en: 'docs hub' },
  defaultPort: 3000,
  portVariable: 'PORT',
  async start(ctx) {
    const hub = createDocsHub({ logger: ctx.logger, version: ctx.version, running: ctx.running });
    const url = await hub.start({ host: ctx.host, port: ctx.port });
    return { url, stop: () => hub.stop() };
  },
};
