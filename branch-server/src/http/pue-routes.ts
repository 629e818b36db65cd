import { PueSession, SkrError } from '@skr/protocol';
import type { NotifyChannel } from '@skr/protocol/notify';
import { branchApi, type BranchAccess, type RouteDef } from '@skr/protocol/routes';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Sync } from '../sync';
import { serve, type ApiRequest } from './api-route';
import type { ApiContext } from './context';
import { createLoginLimiter } from './login-limit';

/** What the portal routes need besides the common context. */
export interface PortalRouteContext extends ApiContext {
  sync: Sync;
  /** The channels client notifications can go by (none: notifications off). */
  notifyChannels?: () => readonly NotifyChannel[];
}

/** The client's PUE session from `x-pue-session`; it is passed on, never stored or logged. */
export function pueSession(req: FastifyRequest): string | undefined {
  const h = req.headers['x-pue-session'];
  return typeof h === 'string' && h.length > 0 ? h : undefined;
}

/** Where a proxied call goes at the portal, and how. */
interface Forward {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  withSession?: boolean;
  /** The answer is a new session: remember its PESEL for documents dropped off later. */
  signsIn?: boolean;
}

/**
 * The kiosk's portal calls, passed 1:1 to the portal (kiosk device token required, checked
 * before the body is validated), and the manager's view of the sync backlog. Personal data only
 * passes through: nothing of the answers is kept at the branch.
 */
export async function pueRoutes(app: FastifyInstance, ctx: PortalRouteContext): Promise<void> {
  const { sync } = ctx;
  // Citizens' portal logins (issue 13): 5 wrong a minute per kiosk, 30 for the whole branch,
  // counted before the portal is asked, so a kiosk cannot be used to guess passwords or codes.
  const portalLogins = createLoginLimiter({ perAddress: 5, global: 30, windowMs: 60_000 });
  async function limitedLogin<T>(kiosk: string, attempt: () => Promise<T>): Promise<T> {
    portalLogins.check(kiosk);
    try {
      return await attempt();
    } catch (e) {
      // Only the portal's refusals count (wrong password or code), not its being down.
      if (e instanceof SkrError && (e.code === 'UNAUTHORIZED' || e.code === 'INVALID'))
        portalLogins.failed(kiosk);
      throw e;
    }
  }

  async function forward(
    req: FastifyRequest,
    reply: FastifyReply,
    spec: Forward,
    answer: z.ZodType | undefined,
  ) {
    const portal = sync.portal;
    if (!portal) throw new SkrError('UNAVAILABLE', 'no portal is configured for this branch');
    const session = spec.withSession ? pueSession(req) : undefined;
    if (spec.withSession && !session)
      throw new SkrError('UNAUTHORIZED', 'x-pue-session is required');
    const res = await portal.call({
      method: spec.method,
      path: spec.path,
      body: spec.body,
      session,
    });
    if (res.status === 204 || !answer) return reply.status(res.status).send();
    const checked = answer.safeParse(res.body);
    if (!checked.success)
      throw new SkrError('UNAVAILABLE', 'the portal answered in an unexpected form');
    if (spec.signsIn) {
      const s = PueSession.safeParse(checked.data);
      if (s.success) sync.submitters.remember(s.data.token, s.data.profile.pesel, s.data.expiresAt);
    }
    return reply.status(res.status).send(checked.data);
  }
  // The answer schema of a proxied route: what the portal must say, checked before passing on.
  const answerOf = (def: RouteDef<BranchAccess>) =>
    Object.entries(def.responses).find(([s]) => s !== '204')?.[1];
  const account = (id: string) => `/v1/accounts/${encodeURIComponent(id)}`;

  const api = branchApi;
  // Logins whose refusals count against the kiosk and the branch (limitedLogin).
  const logins = [
    ['puePasswordLogin', '/v1/auth/password', false],
    ['puePasswordVerify', '/v1/auth/password/verify', true],
    ['pueCardLogin', '/v1/auth/card', true],
  ] as const;
  for (const [name, path, signsIn] of logins)
    serve(app, name, api[name], (req, reply, caller) =>
      limitedLogin(caller.subject, () =>
        forward(req, reply, { method: 'POST', path, body: req.body, signsIn }, answerOf(api[name])),
      ),
    );
  /** Serves table route `name` by passing it on to the portal where `to` says. */
  function proxy<N extends keyof typeof api>(
    name: N,
    to: (req: ApiRequest<(typeof api)[N]>) => Forward,
    { noStore = false } = {},
  ): void {
    const def = api[name];
    serve(app, name, def, (req, reply) =>
      forward(
        req,
        noStore ? reply.header('cache-control', 'no-store') : reply,
        to(req),
        answerOf(def),
      ),
    );
  }

  proxy('pueCardChallenge', () => ({ method: 'POST', path: '/v1/auth/card/challenge' }));
  serve(app, 'pueLogout', api.pueLogout, (req, reply) => {
    const session = pueSession(req);
    if (session) sync.submitters.forget(session);
    return forward(
      req,
      reply,
      { method: 'POST', path: '/v1/auth/logout', withSession: true },
      undefined,
    );
  });
  proxy('pueMe', () => ({ method: 'GET', path: '/v1/me', withSession: true }));
  proxy('pueAccount', (req) => ({
    method: 'GET',
    path: `${account(req.params.accountId)}${req.query.role ? `?role=${req.query.role}` : ''}`,
    withSession: true,
  }));
  proxy('pueArchiveOrders', (req) => ({
    method: 'GET',
    path: `${account(req.params.accountId)}/archive-orders`,
    withSession: true,
  }));
  proxy('pueOrderArchive', (req) => ({
    method: 'POST',
    path: `${account(req.params.accountId)}/archive-orders`,
    body: req.body,
    withSession: true,
  }));

  // The inbox (issue 16): answers are personal letters; the branch passes them through and
  // tells every cache on the way not to keep them.
  const inbox = (id: string) => `/v1/inbox/${encodeURIComponent(id)}`;
  const letters = { noStore: true };
  proxy('pueInbox', () => ({ method: 'GET', path: '/v1/inbox', withSession: true }), letters);
  proxy('pueSignUpd', (req) => ({
    method: 'POST',
    path: `${inbox(req.params.answerId)}/upd`,
    body: req.body,
    withSession: true,
  }));
  proxy(
    'pueAnswer',
    (req) => ({ method: 'GET', path: inbox(req.params.answerId), withSession: true }),
    letters,
  );

  serve(app, 'syncStatus', api.syncStatus, () => sync.status());
}
