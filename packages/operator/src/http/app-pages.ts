import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import { sendProblem } from './app-error.ts';
import { appMissingPage } from './home-page.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The app page's policy: its own scripts only; inline styles for the charts' layout; no frames, no plug-ins. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface AppPagesOptions {
  /** The built web app (`packages/app/dist`): index.html and hashed files under assets/. Absent: an error page. */
  readonly appDir?: string | undefined;
  /** Linked from the error page when the app is not built (asked at each request: the docs hub starts later). */
  readonly docsUrl?: () => string | undefined;
}

function docsLink(o: AppPagesOptions): { docsUrl?: string } {
  const url = o.docsUrl?.();
  return url ? { docsUrl: url } : {};
}

/** Text types worth compressing. */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest)|image\/svg)/;

/** Gzipped hashed assets, made once per file (their content never changes under the same name). */
const gzipped = new Map<string, Buffer>();

function gzipOf(file: string, body: Buffer): Buffer {
  let z = gzipped.get(file);
  if (!z) {
    z = gzipSync(body, { level: 9 });
    if (gzipped.size > 500) gzipped.clear();
    gzipped.set(file, z);
  }
  return z;
}

/** A file under `dir` for a URL path, or undefined (never outside `dir`: `..` and encoded tricks refused). */
async function fileIn(dir: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = normalize(join(dir, decoded));
  if (!path.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined;
  const s = await stat(path).catch(() => undefined);
  return s?.isFile() ? path : undefined;
}

/**
 * The person's web app on `/` and every path that is not the API: files of the build with their content type
 * (hashed `assets/…` cached for a year, immutable), every other path answered with index.html (the app routes in
 * the browser, no-cache). `/api/…` paths no route knows answer a JSON 404, never the page. Without a build, a
 * page that says how to build it (503).
 */
export function registerAppPages(app: FastifyInstance, o: AppPagesOptions): void {
  const dir = o.appDir ? normalize(o.appDir) : undefined;

  const sendIndex = async (reply: FastifyReply) => {
    const index = dir ? await readFile(join(dir, 'index.html')).catch(() => undefined) : undefined;
    if (!index) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; base-uri 'none'; frame-ancestors 'none'")
        .send(appMissingPage(docsLink(o)).value);
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', APP_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .send(index);
  };

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) {
      return sendProblem(reply, request, 404, 'OP_NOT_FOUND', `no API route ${request.method} ${path}`, {
        ko: '없는 API 경로입니다',
      });
    }
    const type = TYPES[extname(path).toLowerCase()];
    if (dir && type && path !== '/index.html') {
      const file = await fileIn(dir, path);
      if (file) {
        const hashed = path.startsWith('/assets/');
        const body = await readFile(file);
        reply
          .type(type)
          .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
          .header('x-content-type-options', 'nosniff')
          .header('vary', 'accept-encoding');
        if (hashed && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
          return reply.header('content-encoding', 'gzip').send(gzipOf(file, body));
        }
        return reply.send(body);
      }
      if (path.startsWith('/assets/')) {
        return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('not found');
      }
    }
    return sendIndex(reply);
  };

  app.get('/', serve);
  app.get('/*', serve);
  // Another method on an unknown API path (or a method a route lacks): the same 404 with a code as a GET.
  app.route({ method: ['POST', 'PUT', 'DELETE', 'PATCH'], url: '/api/*', handler: serve });
}
