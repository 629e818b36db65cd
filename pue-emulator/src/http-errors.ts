// The one error handler: every failure leaves as `{ code, message, details? }` (ApiError) with
// the matching HTTP status. Unknown errors become INTERNAL without their stack or message.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError } from '@skr/protocol';
import { SkrError, httpStatusOf, isSkrError } from '@skr/protocol';

const PART: Record<string, string> = {
  body: 'body',
  params: 'path',
  querystring: 'query',
  headers: 'headers',
};

/** A failed schema check as INVALID naming the part and listing each problem; else undefined. */
function invalidRequest(err: FastifyError): SkrError | undefined {
  if (!Array.isArray(err.validation)) return undefined;
  const issues = err.validation.map((v) => ({
    path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
    message: v.message ?? 'invalid',
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  const part = PART[err.validationContext ?? ''] ?? 'request';
  return new SkrError('INVALID', `Invalid ${part}: ${summary}`, { details: { issues } });
}

/** Installs the error and not-found handlers. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    const error = invalidRequest(raw) ?? raw;
    let body: ApiError;
    if (isSkrError(error)) {
      body = {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      };
    } else if (error.statusCode && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, body too large, wrong content type.
      body = { code: 'INVALID', message: error.message };
      request.log.info({ fastifyCode: error.code }, 'rejected request');
      return reply.status(error.statusCode).send(body);
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = { code: 'INTERNAL', message: 'Internal error' };
    }
    const status = httpStatusOf(body.code);
    if (status >= 500 && isSkrError(error)) request.log.warn({ code: body.code }, error.message);
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ApiError = {
      code: 'NOT_FOUND',
      message: `No route ${request.method} ${request.url}`,
    };
    return reply.status(404).send(body);
  });
}
