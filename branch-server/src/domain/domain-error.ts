import { SkrError } from '@skr/protocol';

/** A rule of the queue refused the change (wrong state, unknown matter, …). */
export function conflict(message: string, details?: Record<string, unknown>): SkrError {
  return new SkrError('CONFLICT', message, { details });
}

/** The input names something the branch does not have. */
export function notFound(message: string, details?: Record<string, unknown>): SkrError {
  return new SkrError('NOT_FOUND', message, { details });
}
