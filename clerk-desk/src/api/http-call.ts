import { ApiError, type ErrorCode } from '@skr/protocol/errors';

/** A failed call: the server's error code, or DISCONNECTED / TIMEOUT when it could not answer. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Anything with zod's safeParse (the protocol's schemas). */
export interface Schema<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false };
}

/**
 * The one HTTP call of the desk and manager pages: bearer token, the page's language, a
 * timeout, the server's `{code, message}` turned into ApiFailure, and the answer validated with
 * a protocol schema (null for 204 or when no schema is given).
 */
export function createCall(origin: string, token: () => string | undefined, timeoutMs: number) {
  return async function call<T>(
    schema: Schema<T> | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T | null> {
    const t = token();
    let res: Response;
    try {
      res = await fetch(origin + path, {
        method,
        headers: {
          ...(t ? { authorization: `Bearer ${t}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          'accept-language': document.documentElement.lang || 'pl',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const timeout = e instanceof DOMException && e.name === 'TimeoutError';
      throw new ApiFailure(timeout ? 'TIMEOUT' : 'DISCONNECTED', String(e));
    }
    if (res.status === 204) return null;
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const err = ApiError.safeParse(json);
      if (err.success) throw new ApiFailure(err.data.code, err.data.message, err.data.details);
      throw new ApiFailure(res.status >= 500 ? 'INTERNAL' : 'INVALID', `HTTP ${res.status}`);
    }
    if (!schema) return null;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiFailure('INTERNAL', `unexpected answer to ${path}`);
    return parsed.data;
  };
}
