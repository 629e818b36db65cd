import {
  PueAccountData,
  PueAccountDataQuery,
  PueArchiveOrder,
  PueArchiveOrderList,
  PueArchiveOrderRequest,
  PueCardChallenge,
  PueCardLoginRequest,
  PuePasswordLoginRequest,
  PuePasswordLoginStarted,
  PueProfile,
  PueSession,
  PueVerifyCodeRequest,
  SkrError,
} from '@skr/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { allowed } from '../auth';
import type { Sync } from '../sync';
import { authorize } from './authorize';
import type { ApiContext } from './context';
import { parse } from './validate';

/** What the portal routes need besides the common context. */
export interface PortalRouteContext extends ApiContext {
  sync: Sync;
}

const AccountParams = z.object({ accountId: z.string().min(1).max(64) });

/** The client's PUE session from `x-pue-session`; it is passed on, never stored or logged. */
export function pueSession(req: FastifyRequest): string | undefined {
  const h = req.headers['x-pue-session'];
  return typeof h === 'string' && h.length > 0 ? h : undefined;
}

/**
 * The kiosk's portal calls, passed 1:1 to the portal (kiosk device token required), and the
 * manager's view of the sync backlog. Personal data only passes through: nothing of the
 * answers is kept at the branch.
 */
export async function pueRoutes(app: FastifyInstance, ctx: PortalRouteContext): Promise<void> {
  const { auth, sync } = ctx;

  // Authorization runs before the body and parameters are validated: a caller without the
  // kiosk role gets 401/403, never a 400 describing the expected input.
  const kioskOnly = async (req: FastifyRequest) => {
    authorize(auth, req, allowed.kioskChannel);
  };

  async function forward(
    req: FastifyRequest,
    reply: FastifyReply,
    spec: {
      method: 'GET' | 'POST';
      path: string;
      body?: unknown;
      withSession?: boolean;
      answer?: z.ZodType;
    },
  ) {
    authorize(auth, req, allowed.kioskChannel);
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
    if (res.status === 204 || !spec.answer) return reply.status(res.status).send();
    const checked = spec.answer.safeParse(res.body);
    if (!checked.success)
      throw new SkrError('UNAVAILABLE', 'the portal answered in an unexpected form');
    return reply.status(res.status).send(checked.data);
  }

  app.post('/api/v1/pue/auth/password', { preHandler: kioskOnly }, (req, reply) =>
    forward(req, reply, {
      method: 'POST',
      path: '/v1/auth/password',
      body: parse(PuePasswordLoginRequest, req.body),
      answer: PuePasswordLoginStarted,
    }),
  );
  app.post('/api/v1/pue/auth/password/verify', { preHandler: kioskOnly }, (req, reply) =>
    forward(req, reply, {
      method: 'POST',
      path: '/v1/auth/password/verify',
      body: parse(PueVerifyCodeRequest, req.body),
      answer: PueSession,
    }),
  );
  app.post('/api/v1/pue/auth/card/challenge', { preHandler: kioskOnly }, (req, reply) =>
    forward(req, reply, {
      method: 'POST',
      path: '/v1/auth/card/challenge',
      answer: PueCardChallenge,
    }),
  );
  app.post('/api/v1/pue/auth/card', { preHandler: kioskOnly }, (req, reply) =>
    forward(req, reply, {
      method: 'POST',
      path: '/v1/auth/card',
      body: parse(PueCardLoginRequest, req.body),
      answer: PueSession,
    }),
  );
  app.post('/api/v1/pue/auth/logout', { preHandler: kioskOnly }, (req, reply) =>
    forward(req, reply, { method: 'POST', path: '/v1/auth/logout', withSession: true }),
  );
  app.get('/api/v1/pue/me', { preHandler: kioskOnly }, (req, reply) =>
    forward(req, reply, { method: 'GET', path: '/v1/me', withSession: true, answer: PueProfile }),
  );
  app.get('/api/v1/pue/accounts/:accountId', { preHandler: kioskOnly }, (req, reply) => {
    const { accountId } = parse(AccountParams, req.params);
    const { role } = parse(PueAccountDataQuery, req.query);
    return forward(req, reply, {
      method: 'GET',
      path: `/v1/accounts/${encodeURIComponent(accountId)}${role ? `?role=${role}` : ''}`,
      withSession: true,
      answer: PueAccountData,
    });
  });
  app.get(
    '/api/v1/pue/accounts/:accountId/archive-orders',
    { preHandler: kioskOnly },
    (req, reply) => {
      const { accountId } = parse(AccountParams, req.params);
      return forward(req, reply, {
        method: 'GET',
        path: `/v1/accounts/${encodeURIComponent(accountId)}/archive-orders`,
        withSession: true,
        answer: PueArchiveOrderList,
      });
    },
  );
  app.post(
    '/api/v1/pue/accounts/:accountId/archive-orders',
    { preHandler: kioskOnly },
    (req, reply) => {
      const { accountId } = parse(AccountParams, req.params);
      return forward(req, reply, {
        method: 'POST',
        path: `/v1/accounts/${encodeURIComponent(accountId)}/archive-orders`,
        body: parse(PueArchiveOrderRequest, req.body),
        withSession: true,
        answer: PueArchiveOrder,
      });
    },
  );

  app.get('/api/v1/sync/status', async (req) => {
    authorize(auth, req, allowed.manageBookings);
    return sync.status();
  });
}
