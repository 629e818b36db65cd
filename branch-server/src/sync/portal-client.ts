import { ErrorCode, SkrError, httpStatusOf, isSkrError } from '@skr/protocol';

/** Where the central portal is and how this branch identifies itself to it. */
export interface PortalConfig {
  /** Base URL, e.g. `https://pue.example` or the emulator's `http://127.0.0.1:8090`. */
  url: string;
  branchId: string;
  /** Sent in `x-branch-key`; never logged. */
  branchKey: string;
  /** Per request; a slower answer counts as the portal being unreachable. Default 10 s. */
  requestTimeoutMs?: number;
}

/** An answer of the portal: status and parsed JSON body (undefined when empty). */
interface PortalAnswer {
  status: number;
  body: unknown;
}

/** A call to the portal. */
export interface PortalRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  /** The client's PUE session, sent as a bearer token (kiosk pass-through only). */
  session?: string;
  /** Adds `x-branch-key` (branch routes). */
  asBranch?: boolean;
  idempotencyKey?: string;
  timeoutMs?: number;
  /** Aborts the call (server shutdown). */
  signal?: AbortSignal;
}

const RETRYABLE: readonly ErrorCode[] = ['UNAVAILABLE', 'TIMEOUT', 'RATE_LIMITED', 'INTERNAL'];

/** True when a failed portal call may succeed later (network, 5xx, 408, 429). */
export function isRetryable(e: unknown): boolean {
  return !isSkrError(e) || RETRYABLE.includes(e.code);
}

function withTimeout(ms: number, signal: AbortSignal | undefined): AbortSignal {
  const t = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([t, signal]) : t;
}

// The portal's own code of a 4xx answer; a code that is not a 4xx one (or none) reads as INVALID,
// so a refusal is never mistaken for a retryable failure.
function asCode(v: unknown): ErrorCode {
  const code = ErrorCode.safeParse(v);
  return code.success && httpStatusOf(code.data) < 500 ? code.data : 'INVALID';
}

/**
 * HTTP client of the portal. Resolves with 2xx answers; rejects with SkrError UNAVAILABLE
 * when the portal cannot be reached, times out or answers 5xx, and with the portal's own code
 * (status in `details.status`) for 4xx.
 */
export function createPortalClient(cfg: PortalConfig) {
  const base = cfg.url.replace(/\/+$/, '');
  async function call(req: PortalRequest): Promise<PortalAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.session) headers.authorization = `Bearer ${req.session}`;
    if (req.asBranch) headers['x-branch-key'] = cfg.branchKey;
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
    let res: Response;
    let text: string;
    try {
      res = await fetch(base + req.path, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: withTimeout(req.timeoutMs ?? cfg.requestTimeoutMs ?? 10_000, req.signal),
      });
      text = await res.text();
    } catch (cause) {
      const timedOut = (cause as Error).name === 'TimeoutError';
      throw new SkrError(
        'UNAVAILABLE',
        timedOut ? 'the portal did not answer in time' : 'the portal cannot be reached',
        { cause },
      );
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      throw new SkrError('UNAVAILABLE', `the portal answered ${res.status} without JSON`, {
        cause,
      });
    }
    if (res.ok) return { status: res.status, body };
    const err = (body ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
    const message = typeof err.message === 'string' ? err.message : `portal ${res.status}`;
    if (res.status >= 500 || res.status === 408) {
      throw new SkrError('UNAVAILABLE', `the portal failed (${res.status}): ${message}`, {
        details: { status: res.status },
      });
    }
    const code = res.status === 429 ? 'RATE_LIMITED' : asCode(err.code);
    throw new SkrError(code, message, {
      details: {
        status: res.status,
        ...(err.details && typeof err.details === 'object' ? { portal: err.details } : {}),
      },
    });
  }
  const branchPath = (rest: string) => `/v1/branches/${encodeURIComponent(cfg.branchId)}${rest}`;
  return {
    call,
    branchPath,
    /** POST a branch report (document, visit outcome, daily statistics) under an idempotency key. */
    postReport(
      rest: string,
      idempotencyKey: string,
      body: unknown,
      signal?: AbortSignal,
    ): Promise<PortalAnswer> {
      return call({
        method: 'POST',
        path: branchPath(rest),
        body,
        asBranch: true,
        idempotencyKey,
        signal,
      });
    },
  };
}
/** A portal client. */
export type PortalClient = ReturnType<typeof createPortalClient>;
