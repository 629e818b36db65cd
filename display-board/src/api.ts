import { ApiError, type ErrorCode } from '@skr/protocol/errors';

/** A failed API call, with the server's error code (or DISCONNECTED when unreachable). */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Calls the branch API with the device token; rejects with ApiFailure. */
export async function apiFetch(origin: string, path: string, token: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(origin + path, { headers: { authorization: `Bearer ${token}` } });
  } catch (e) {
    throw new ApiFailure('DISCONNECTED', e instanceof Error ? e.message : 'network error');
  }
  if (res.ok) return res;
  const body = ApiError.safeParse(await res.json().catch(() => undefined));
  throw new ApiFailure(
    body.success ? body.data.code : res.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL',
    body.success ? body.data.message : `HTTP ${res.status}`,
  );
}

/** Anything that validates like a zod schema (display-board does not depend on zod itself). */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** GETs JSON and validates it with `schema` (a mismatch is an INTERNAL failure). */
export async function apiGet<T>(
  origin: string,
  path: string,
  token: string,
  schema: Schema<T>,
): Promise<T> {
  const res = await apiFetch(origin, path, token);
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) throw new ApiFailure('INTERNAL', `unexpected answer from ${path}`);
  return parsed.data;
}

/** The error code of anything thrown (INTERNAL for programmer errors). */
export function codeOf(e: unknown): ErrorCode {
  return e instanceof ApiFailure ? e.code : 'INTERNAL';
}
