import { SkrError, isSkrError } from '@skr/protocol/errors';
import { createClient, type ApiClient } from '@skr/protocol/client';
import { branchApi, type BranchApi } from '@skr/protocol/routes';

/** The kiosk's client of its branch server: the route table's typed client with the device token. */
export type BranchClient = ApiClient<BranchApi> & {
  /** The branch server's origin, without a trailing slash. */
  readonly origin: string;
};

/** Options of {@link createBranchClient}. */
export interface BranchClientOptions {
  origin: string;
  token: string;
  /** Calls that the branch answers by itself; default 8 s. */
  timeoutMs?: number;
  /** Calls the branch passes on to the portal (it waits 10 s for it); default 15 s. */
  portalTimeoutMs?: number;
  /** The fetch to use (tests); the global one by default. */
  fetch?: typeof fetch;
}

/** How long the host waits for an answer by default: a client at the kiosk must not wait long. */
export const BRANCH_TIMEOUT_MS = 8000;
/**
 * How long the host waits for a route the branch passes to the portal. The branch gives the
 * portal 10 s; the kiosk waits longer, so it hears the branch's own clear answer (503) rather
 * than giving up first.
 */
export const PORTAL_TIMEOUT_MS = 15_000;

/** True when the branch passes the route on to the portal (the `pue` tag of the route table). */
export function waitsOnPortal(name: keyof BranchApi): boolean {
  return branchApi[name].tag === 'pue';
}

type Input = { timeoutMs?: number } & Record<string, unknown>;
type Request = (name: keyof BranchApi, input?: Input) => Promise<{ status: number; data: unknown }>;

/**
 * Creates the branch client; every call carries the kiosk's device token and fails with an
 * SkrError. A branch that cannot be reached at all is UNAVAILABLE (the kiosk's word for "try
 * again in a moment"), not DISCONNECTED.
 */
export function createBranchClient(opts: BranchClientOptions): BranchClient {
  const origin = opts.origin.replace(/\/+$/, '');
  const inner = createClient(branchApi, {
    baseUrl: origin,
    token: opts.token,
    timeoutMs: opts.timeoutMs ?? BRANCH_TIMEOUT_MS,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const portalMs = opts.portalTimeoutMs ?? PORTAL_TIMEOUT_MS;
  const request: Request = async (name, input = {}) => {
    const timeoutMs = input.timeoutMs ?? (waitsOnPortal(name) ? portalMs : undefined);
    try {
      return await (inner.request as unknown as Request)(name, {
        ...input,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
    } catch (e) {
      if (isSkrError(e, 'DISCONNECTED'))
        throw new SkrError('UNAVAILABLE', 'branch server unreachable', { cause: e });
      throw e;
    }
  };
  const client = {
    origin,
    request,
    call: async (name: keyof BranchApi, input?: Input) => (await request(name, input)).data,
    withToken: (token: string | undefined) => createBranchClient({ ...opts, token: token ?? '' }),
  };
  return client as unknown as BranchClient;
}
