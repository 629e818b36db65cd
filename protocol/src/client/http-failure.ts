import { ApiError, SkrError, type ErrorCode } from '../errors';

/** The code of a failed answer without a readable error body, by status. */
function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503 || status === 502) return 'UNAVAILABLE';
  if (status === 504) return 'TIMEOUT';
  return status >= 500 ? 'INTERNAL' : 'INVALID';
}

/** The SkrError for a non-2xx answer: the server's code and message when it sent an ApiError. */
export function failureOf(status: number, body: unknown, route: string): SkrError {
  const err = ApiError.safeParse(body);
  if (err.success)
    return new SkrError(err.data.code, err.data.message, { details: err.data.details, status });
  return new SkrError(codeOfStatus(status), `${route}: HTTP ${status}`, { status });
}

/** The SkrError for a call that got no answer: TIMEOUT when our clock ran out, else DISCONNECTED. */
export function noAnswer(cause: unknown, timedOut: boolean, route: string): SkrError {
  return timedOut
    ? new SkrError('TIMEOUT', `${route}: no answer in time`, { cause })
    : new SkrError('DISCONNECTED', `${route}: ${String(cause)}`, { cause });
}
