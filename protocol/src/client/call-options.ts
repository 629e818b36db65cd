import type { Lang } from '../domain';

/** How a client reaches its server. Works in Node and in the browser (global fetch). */
export interface ClientOptions {
  /** Origin of the server, e.g. `http://127.0.0.1:8080` (no trailing slash needed). */
  baseUrl: string;
  /** Bearer token, or a function asked before every call (a page's session may change). */
  token?: string | (() => string | undefined);
  /** Language of error messages (`Accept-Language`); Polish by default. */
  lang?: Lang | (() => Lang);
  /** A call slower than this fails with TIMEOUT; default 10 s. */
  timeoutMs?: number;
  /** Headers sent with every call (e.g. `x-pue-session`). */
  headers?: Record<string, string>;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
}

/** Per-call extras besides the route's params, query and body. */
export interface CallExtras {
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Token for this call only (overrides the client's). */
  token?: string;
  signal?: AbortSignal;
}
