import { z } from 'zod';

/** Runtime failure codes shared by every package (programmer errors throw plain Errors). */
export const ErrorCode = z.enum([
  'INVALID',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'TIMEOUT',
  'DISCONNECTED',
  'PAPER_OUT',
  'PAPER_NEAR_END',
  'COVER_OPEN',
  'OFFLINE',
  'NAK',
  'CARD_REMOVED',
  'PIN_INVALID',
  'PIN_BLOCKED',
  'CANCELLED',
  'UNAVAILABLE',
  'INTERNAL',
]);
/** One of the shared runtime failure codes. */
export type ErrorCode = z.infer<typeof ErrorCode>;

// The HTTP status of each failure code, for every server (branch, portal) and client: a code
// not listed answers 500. The 4xx codes are the caller's fault and are not worth retrying as is.
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** The HTTP status a failure with `code` answers with (500 for a code without its own). */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code] ?? 500;
}

/** A runtime failure with a machine-readable code and the underlying cause. */
export class SkrError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown>; status?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SkrError';
    this.details = options?.details;
    this.status = options?.status;
  }
  readonly details: Record<string, unknown> | undefined;
  /** The HTTP status a failed call answered with (absent when no answer came). */
  readonly status: number | undefined;
}

/** True when `e` is an SkrError, optionally with the given code. */
export function isSkrError(e: unknown, code?: ErrorCode): e is SkrError {
  return e instanceof SkrError && (code === undefined || e.code === code);
}

/** The error body every HTTP endpoint and socket acknowledgement answers with. */
export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Acknowledgement shape for request/response over sockets. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };
