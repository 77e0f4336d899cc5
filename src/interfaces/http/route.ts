// Routes are thin (Medusa's habit): declare the request schemas (for validation and OpenAPI), map the
// request to the use case's input, and hand it to `execute`, which authenticates and authorises.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { App } from '../../app/app.ts';
import { type Access, execute, type Principal, type UseCase } from '../../app/use-case.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    /** The use case's access kind: the server refuses anonymous requests to non-public routes before
     * it even parses their bodies. */
    access?: Access['kind'];
  }
}

export interface RouteSpec<I, O> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  url: string;
  summary: string;
  tags: string[];
  useCase: UseCase<I, O>;
  params?: ZodType;
  querystring?: ZodType;
  body?: ZodType;
  /** Builds the use case's input from the (already validated) request. */
  input(req: { params: Record<string, string>; query: Record<string, unknown>; body: unknown }): unknown;
  status?: number;
  /** Sends something other than the JSON result (a file, a cookie). */
  send?(reply: FastifyReply, result: O, request: FastifyRequest): unknown;
  config?: Record<string, unknown>;
  bodyLimit?: number;
}

export function addRoute<I, O>(server: FastifyInstance, app: App, spec: RouteSpec<I, O>) {
  server.withTypeProvider<ZodTypeProvider>().route({
    method: spec.method,
    url: spec.url,
    config: { ...spec.config, access: spec.useCase.access.kind },
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.useCase.access.kind === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] }),
    },
    handler: async (request, reply) => {
      const input = spec.input({
        params: (request.params ?? {}) as Record<string, string>,
        query: (request.query ?? {}) as Record<string, unknown>,
        body: request.body,
      });
      const result = await execute(app, spec.useCase, request.principal, input);
      if (spec.send) return spec.send(reply, result, request);
      return reply.status(spec.status ?? 200).send(result);
    },
  });
}
