import { SkrError } from '@skr/protocol';
import type { FastifyError } from 'fastify';

/**
 * A failed schema check of the request as INVALID with every problem listed
 * (`details.issues[{path, message}]`, the path dotted inside the part that failed), the same
 * answer the hand-called checks gave; anything else → undefined.
 */
export function invalidRequest(err: FastifyError): SkrError | undefined {
  if (!Array.isArray(err.validation)) return undefined;
  const issues = err.validation.map((v) => ({
    path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
    message: v.message ?? 'invalid',
  }));
  const reason = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new SkrError('INVALID', reason, { details: { issues } });
}
