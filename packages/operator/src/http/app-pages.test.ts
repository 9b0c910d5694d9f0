import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLogSink, createService, type Service } from '@hannun/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAppPages } from './app-pages.ts';
import { csvCell } from './routes/export-routes.ts';

/** The web app served by the operator (issue #8): files of the build, SPA fallback, API 404s, no build → 503. */
let dir: string;
let url: string;
let missingUrl: string;
const services: Service[] = [];

async function serve(appDir: string | undefined): Promise<string> {
  const app = createService({
    name: 'app-pages',
    version: 't',
    logger: createLogger({ service: 'app-pages', destination: createLogSink() }),
    metrics: false,
  });
  registerAppPages(app, { appDir, docsUrl: () => '/docs' });
  app.get('/api/known', async () => ({ ok: true }));
  services.push(app);
  return app.start({ host: '127.0.0.1', port: 0 });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-app-pages-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><title>app</title><script type="module" src="/assets/index-abc123.js"></script>',
  );
  await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(join(dir, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(join(tmpdir(), 'hannun-outside.js'), 'secret');
  url = await serve(dir);
  missingUrl = await serve(join(dir, 'nope'));
});

afterAll(async () => {
  for (const s of services) await s.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the app pages (operator)', () => {
  it('/ and any app path answer index.html, no-cache, with the app CSP', async () => {
    for (const path of ['/', '/dashboard', '/consents?x=1', '/deep/path']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('<title>app</title>');
    }
  });

  it('hashed assets: their content type, cached a year (immutable); a missing one is 404, never the page', async () => {
    const js = await fetch(`${url}/assets/index-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log(1)');
    expect(js.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(`${url}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log(1)');
    expect((await fetch(`${url}/assets/index-abc123.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${url}/assets/gone-000.js`)).status).toBe(404);
  });

  it('nothing outside the build is reachable (.., encoded ..)', async () => {
    for (const path of [
      '/assets/../../hannun-outside.js',
      '/assets/..%2f..%2fhannun-outside.js',
      '/%2e%2e/hannun-outside.js',
    ]) {
      const res = await fetch(`${url}${path}`);
      expect(await res.text(), path).not.toBe('secret');
    }
  });

  it('an /api path no route knows is a JSON 404 with a code; known API routes still answer', async () => {
    const res = await fetch(`${url}/api/unknown`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'OP_NOT_FOUND', ko: '없는 API 경로입니다' });
    expect(await (await fetch(`${url}/api/known`)).json()).toEqual({ ok: true });
  });

  it('without a build: 503 and a page that says how to fix it', async () => {
    const res = await fetch(`${missingUrl}/dashboard`);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).toContain('npm start');
    expect(text).toContain('href="/docs"');
  });

  it('download CSV cells: quoted when needed, formulas neutralised, numbers kept', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-3000.5')).toBe('-3000.5');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
  });
});
