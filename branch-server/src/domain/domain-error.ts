import { SkrError } from '@skr/protocol';

/** A refusal by a rule of the queue: a CONFLICT, NOT_FOUND, FORBIDDEN or INVALID with details. */
export type DomainError = SkrError;

/** A rule of the queue refused the change (wrong state, unknown service, …). */
export function conflict(message: string, details?: Record<string, unknown>): SkrError {
  return new SkrError('CONFLICT', message, { details });
}

/** The input names something the branch does not have. */
export function notFound(message: string, details?: Record<string, unknown>): SkrError {
  return new SkrError('NOT_FOUND', message, { details });
}

/** The caller may not do this (e.g. a ticket at another clerk's counter). */
export function forbidden(message: string, details?: Record<string, unknown>): SkrError {
  return new SkrError('FORBIDDEN', message, { details });
}

/** The command itself is malformed. */
export function invalid(message: string, details?: Record<string, unknown>): SkrError {
  return new SkrError('INVALID', message, { details });
}

/** Whether a decision was refused. */
export function isRefusal(x: unknown): x is DomainError {
  return x instanceof SkrError;
}

/**
 * Runs a rule written in the throwing style (the ticket lifecycle) and answers its refusal as a
 * value, so every `decide` function returns `Decision | DomainError` and throws only on bugs.
 */
export function refusalOf<T>(rule: () => T): T | DomainError {
  try {
    return rule();
  } catch (e) {
    if (e instanceof SkrError) return e;
    throw e;
  }
}
