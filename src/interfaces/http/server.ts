// The HTTP server (Fastify 5): health, the API with its OpenAPI 3.1 document, and the web app.
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { App } from '../../app/app.ts';
import type { Config } from '../../app/config.ts';
import type { Runtime } from '../../app/runtime.ts';
import { authenticate } from '../../app/use-cases/auth.ts';
import { WEB_DIST } from '../web/build.ts';
import { registerWeb, sendAppShell, wantsAppShell } from '../web/static.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { registerApi, SESSION_COOKIE } from './routes/api.ts';
import { registerPackDocuments } from './routes/pack-documents.ts';
import { registerReminderRoutes } from './routes/reminders.ts';
import { registerScreeningRoutes } from './routes/screenings.ts';
import { registerWork } from './routes/work.ts';

const VERSION = '0.1.0';

/** The host of an Origin header, or undefined when it is not a URL (e.g. "null"): never a throw. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

export async function buildServer(
  app: App,
  config: Config,
  opts: { logger?: boolean; webDist?: string } = {},
): Promise<FastifyInstance> {
  const webDist = opts.webDist ?? WEB_DIST;
  const server = Fastify({
    logger: opts.logger === false || config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // Behind a proxy the operator sets trustProxy; by default the socket address is the client.
    trustProxy: false,
  });
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.setErrorHandler(errorHandler);
  // The API speaks JSON only: a text/plain body (which a cross-site form can send) is refused with 415.
  server.removeContentTypeParser('text/plain');
  server.setNotFoundHandler((request, reply) =>
    wantsAppShell(request)
      ? sendAppShell(reply, webDist)
      : sendProblem(
          reply,
          request,
          'PRB_NOT_FOUND',
          `There is nothing at ${request.method} ${request.url.split('?')[0]}.`,
        ),
  );

  await server.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Only behind HTTPS: on plain HTTP (a LAN address, say) it would rewrite the app's own asset
        // URLs to https and the page would not load.
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await server.register(cookie);
  await server.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'PRB_RATE_LIMITED',
      message: `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s.`,
    }),
  });
  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Probity API',
        version: VERSION,
        description:
          'Compliance operations: policies as executable, citable rules. Errors are application/problem+json (RFC 9457); see docs/errors.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token created at /api/v1/me/tokens' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  server.decorateRequest('principal', undefined);
  server.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    // Routes without a declared access are the web app's static files, health checks and not-found
    // answers: they read no one's data, so a browser's cookie on them costs no session lookup.
    if (access === undefined) return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (bearer || sessionToken) request.principal = await authenticate(app, { bearer, sessionToken });
    if (access !== 'public' && !request.principal) {
      return sendProblem(
        reply,
        request,
        'PRB_UNAUTHENTICATED',
        'Sign in, or send an API token as "Authorization: Bearer …".',
      );
    }
    // A cookie-authenticated write from another origin is refused (defence beside SameSite=Strict).
    if (request.principal?.via === 'session' && request.method !== 'GET' && request.method !== 'HEAD') {
      const origin = request.headers.origin;
      if (origin && originHost(origin) !== request.headers.host) {
        return sendProblem(
          reply,
          request,
          'PRB_FORBIDDEN',
          'Cross-origin requests with a session cookie are refused.',
        );
      }
    }
  });

  server.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  server.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    if (await app.store.ping()) return { status: 'ready', store: app.store.kind };
    return sendProblem(reply, request, 'PRB_NOT_READY', 'The store does not answer.');
  });
  server.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => server.swagger());

  registerApi(server, app, config);
  registerPackDocuments(server, app);
  registerReminderRoutes(server, app, config);
  registerWork(server, app);
  registerScreeningRoutes(server, app);
  await registerWeb(server, webDist);
  return server;
}

export async function startServer(
  runtime: Runtime,
  opts: { logger?: boolean } = {},
): Promise<{ url: string; server: FastifyInstance; close(): Promise<void> }> {
  const server = await buildServer(runtime.app, runtime.config, opts);
  await server.listen({ port: runtime.config.port, host: runtime.config.host });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : runtime.config.port;
  const host = runtime.config.host.includes(':') ? `[${runtime.config.host}]` : runtime.config.host;
  return { url: `http://${host}:${port}`, server, close: () => server.close() };
}
