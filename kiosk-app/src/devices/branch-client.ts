import { ApiError, SkrError } from '@skr/protocol';

/** Answer of a branch API call: status and parsed JSON (undefined when empty). */
export interface BranchAnswer {
  status: number;
  body: unknown;
}

/** The kiosk's HTTP client of its branch server (device token as Bearer). */
export interface BranchClient {
  readonly origin: string;
  /** Raw call; rejects UNAVAILABLE when the branch server cannot be reached. */
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<BranchAnswer>;
  /** Like request, but a non-2xx answer rejects with its ApiError code. */
  json<T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
}

/** Options of {@link createBranchClient}. */
export interface BranchClientOptions {
  origin: string;
  token: string;
  timeoutMs?: number;
}

/** Creates the branch client; every call carries the kiosk's device token. */
export function createBranchClient(opts: BranchClientOptions): BranchClient {
  const origin = opts.origin.replace(/\/$/, '');
  const timeoutMs = opts.timeoutMs ?? 8000;
  async function request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<BranchAnswer> {
    let res: Response;
    try {
      res = await fetch(origin + path, {
        method,
        headers: {
          authorization: `Bearer ${opts.token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      // Connection refused (restart), reset or timeout: the client sees "try again".
      throw new SkrError('UNAVAILABLE', 'branch server unreachable', { cause });
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed };
  }
  return {
    origin,
    request,
    async json<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
      const r = await request(method, path, body, headers);
      if (r.status >= 200 && r.status < 300) return r.body as T;
      throw errorFromAnswer(r);
    },
  };
}

/** Turns a failed answer into an SkrError with the server's code (INTERNAL if it has none). */
export function errorFromAnswer(r: BranchAnswer): SkrError {
  const e = ApiError.safeParse(r.body);
  if (e.success) return new SkrError(e.data.code, e.data.message, { details: e.data.details });
  if (r.status === 502 || r.status === 503 || r.status === 504)
    return new SkrError('UNAVAILABLE', `branch answered ${r.status}`);
  return new SkrError('INTERNAL', `branch answered ${r.status}`);
}
