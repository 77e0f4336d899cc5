// Errors as application/problem+json (RFC 9457), with the path of every invalid field. Expected errors
// carry their catalog code; anything unexpected is a 500 that reveals nothing internal.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, catalogEntry, type FieldIssue } from '../../app/errors.ts';
import { FactsInvalidError, ProbityError } from '../../kernel/index.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  errors?: FieldIssue[];
  findings?: unknown;
}

export function problemType(code: string): string {
  return `urn:probity:error:${code}`;
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: string,
  detail: string,
  extra: Partial<Problem> = {},
) {
  const entry = catalogEntry(code);
  const status = extra.status ?? entry.status;
  const body: Problem = {
    type: problemType(code),
    title: entry.title,
    status,
    detail,
    code,
    instance: request.url.split('?')[0] ?? '/',
    ...extra,
  };
  return reply.status(status).type('application/problem+json').send(body);
}

// Fastify's own client errors, mapped to catalog codes.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'PRB_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PRB_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'PRB_INPUT_INVALID',
  FST_ERR_CTP_INVALID_JSON_BODY: 'PRB_INPUT_INVALID',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'PRB_INPUT_INVALID',
  FST_ERR_VALIDATION: 'PRB_INPUT_INVALID',
};

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'body';
    const errors: FieldIssue[] = error.validation.map((v) => ({
      path: `/${part}${v.instancePath || ''}`,
      message: v.message ?? 'is invalid',
    }));
    return sendProblem(
      reply,
      request,
      'PRB_INPUT_INVALID',
      `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`,
      { errors },
    );
  }
  if (error instanceof FactsInvalidError) {
    const errors = error.issues.map((i) => ({
      path: `/body/facts/${i.path === '(root)' ? '' : i.path.split('.').join('/')}`.replace(/\/$/, ''),
      message: i.message,
    }));
    return sendProblem(reply, request, error.code, error.message, { errors });
  }
  if (error instanceof AppError && error.code === 'PRB_INPUT_INVALID') {
    const errors = (error.details?.issues as FieldIssue[] | undefined) ?? [];
    return sendProblem(reply, request, error.code, error.message, { errors });
  }
  if (error instanceof ProbityError) {
    const entry = catalogEntry(error.code);
    if (entry.status >= 500) request.log.error({ err: error }, 'probity error');
    const findings = error.details?.findings;
    return sendProblem(reply, request, error.code, error.message, findings === undefined ? {} : { findings });
  }
  const fe = error as FastifyError;
  if (fe.code && FASTIFY_CODES[fe.code]) {
    return sendProblem(reply, request, FASTIFY_CODES[fe.code]!, fe.message);
  }
  if (fe.statusCode === 429) {
    return sendProblem(reply, request, 'PRB_RATE_LIMITED', 'Too many attempts; wait a minute and try again.');
  }
  // The static files answer 403 for a path they will not serve (a name too long for the file system, a
  // dotfile): to the person asking, there is nothing there.
  if (fe.statusCode === 403 || fe.statusCode === 404) {
    return sendProblem(
      reply,
      request,
      'PRB_NOT_FOUND',
      `There is nothing at ${request.method} ${request.url.split('?')[0]}.`,
    );
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(reply, request, 'PRB_INPUT_INVALID', fe.message, { status: fe.statusCode });
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(
    reply,
    request,
    'PRB_INTERNAL',
    'Something went wrong on our side; nothing was changed. The error has been logged.',
  );
}
