// Serves the built browser application (dist/web) on the API's origin. Hashed assets under /assets/
// are cached for a year; index.html is never cached, so a new build is picked up on the next load.
// Any other GET that wants HTML and is not an API path gets index.html: the app routes it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WEB_DIST } from './build.ts';

const NOT_BUILT_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Probity</title></head><body><main>' +
  '<h1>Probity</h1><p>The web application has not been built. <code>npm start</code> builds it; ' +
  'or run <code>npm run build:web</code>.</p><p>The API is at ' +
  '<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></main></body></html>';

export function webAvailable(dist = WEB_DIST): boolean {
  return existsSync(join(dist, 'index.html'));
}

/** True when a request is a browser navigation the app should answer (not an API or asset fetch). */
export function wantsAppShell(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

export function sendAppShell(reply: FastifyReply, dist = WEB_DIST): FastifyReply {
  if (!webAvailable(dist)) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
  return reply.header('cache-control', 'no-cache').sendFile('index.html', dist);
}

export async function registerWeb(server: FastifyInstance, dist = WEB_DIST): Promise<void> {
  server.get('/', { schema: { hide: true } }, async (_request, reply) => sendAppShell(reply, dist));
  if (!existsSync(dist)) return;
  await server.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    index: false,
    schemaHide: true,
    setHeaders(reply: FastifyReply, path: string) {
      if (path.includes(`${join('web', 'assets')}`)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      } else {
        reply.header('cache-control', 'no-cache');
      }
    },
  });
}
