import { createClient, failureOf, noAnswer, type ApiClient } from '@skr/protocol/client';
import { isSkrError, type ErrorCode } from '@skr/protocol/errors';
import { branchApi, fillPath, type BranchApi } from '@skr/protocol/routes';

/** A screen's client of the branch API; every failure rejects with SkrError. */
export type DisplayApi = ApiClient<BranchApi> & {
  /** A call's announcement (`{lang}-{number}-{counter}`) as WAV audio. */
  announcement(id: string): Promise<Blob>;
};

/**
 * The screen's one client of the branch API, with its device token. Audio is fetched here too
 * because an `<audio src>` cannot send the token; its URL is built from the route table.
 */
export function createDisplayApi(
  origin: string,
  token: string | (() => string),
  timeoutMs = 10_000,
): DisplayApi {
  const tokenNow = typeof token === 'function' ? token : () => token;
  const client = createClient(branchApi, { baseUrl: origin, token, timeoutMs });
  const route = branchApi.announcement;
  async function announcement(id: string): Promise<Blob> {
    const path = fillPath(route.path, { id: `${id}.wav` });
    const name = `${route.method} ${route.path}`;
    let res: Response;
    try {
      res = await fetch(origin + path, {
        headers: { authorization: `Bearer ${tokenNow()}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw noAnswer(e, e instanceof DOMException && e.name === 'TimeoutError', name);
    }
    if (res.ok) return res.blob();
    throw failureOf(res.status, await res.json().catch(() => undefined), name);
  }
  return { ...client, announcement };
}

/** The error code of anything thrown (INTERNAL for programmer errors). */
export function codeOf(e: unknown): ErrorCode {
  return isSkrError(e) ? e.code : 'INTERNAL';
}
