import { ApiError } from '@skr/protocol/errors';
import { BridgeError } from './bridge-client';

/**
 * Calls a branch route through the kiosk host (same origin; the host adds the device token).
 * `session` is the client's portal session token, kept only in memory.
 */
export async function api<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  session?: string,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(session ? { 'x-pue-session': session } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new BridgeError('UNAVAILABLE', 'kiosk host unreachable');
  }
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (res.ok) return parsed as T;
  const err = ApiError.safeParse(parsed);
  throw err.success
    ? new BridgeError(err.data.code, err.data.message, err.data.details)
    : new BridgeError(res.status >= 500 ? 'UNAVAILABLE' : 'INTERNAL', `HTTP ${res.status}`);
}

/** Code of any error (BridgeError or not), for the message catalogue. */
export function errorCode(e: unknown): string {
  return e instanceof BridgeError ? e.code : 'generic';
}
