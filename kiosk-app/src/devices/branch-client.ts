import { randomUUID } from 'node:crypto';
import { SkrError, isSkrError } from '@skr/protocol/errors';
import { createClient, type ApiClient } from '@skr/protocol/client';
import { branchApi, type BranchApi } from '@skr/protocol/routes';

/** The kiosk's client of its branch server: the route table's typed client with the device token. */
export type BranchClient = ApiClient<BranchApi> & {
  /** The branch server's origin, without a trailing slash. */
  readonly origin: string;
};

/** Options of {@link createBranchClient}. */
interface BranchClientOptions {
  origin: string;
  /** The device token, or a function asked before every call (it is renewed, issue 13). */
  token: string | (() => string | undefined);
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

/**
 * The kiosk's writes: each carries an `Idempotency-Key`, and a try that got no answer is sent
 * once more with the same key, so the branch answers it from the first try instead of making
 * a second ticket, document or archive order (issue 13).
 */
const IDEMPOTENT_WRITES: ReadonlySet<keyof BranchApi> = new Set([
  'issueTicket',
  'submitDocument',
  'pueOrderArchive',
  // A booking whose answer was lost must not become two visits (or a "gap" refusal of itself).
  'bookVisit',
] as const);

type Input = { timeoutMs?: number; headers?: Record<string, string> } & Record<string, unknown>;
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
  const once: Request = async (name, input = {}) => {
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
  const request: Request = async (name, input = {}) => {
    if (!IDEMPOTENT_WRITES.has(name)) return once(name, input);
    const key = input.headers?.['idempotency-key'] ?? randomUUID();
    const keyed = { ...input, headers: { ...input.headers, 'idempotency-key': key } };
    try {
      return await once(name, keyed);
    } catch (e) {
      // No answer (cut or too slow): the same key again. An answer (even a refusal) stands.
      // A timeout on a portal route is not retried: the branch gives the portal less time than
      // the host waits, so the page would give up during a second try.
      const unanswered =
        (isSkrError(e, 'UNAVAILABLE') && e.status === undefined) ||
        (isSkrError(e, 'TIMEOUT') && !waitsOnPortal(name));
      if (!unanswered) throw e;
      return once(name, keyed);
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
