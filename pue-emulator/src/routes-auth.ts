// Login routes: password + verification code, ID-card challenge–response, logout, own profile.
// Thin: the table's schemas parse at the boundary, the use case runs, the answer goes out.
// Logs name the profile id only.
import type { FastifyInstance } from 'fastify';
import { SkrError, type PueSession } from '@skr/protocol';
import { portalApi } from '@skr/protocol/routes';
import { serve } from './api-route';
import { verifyCardLogin, issueCardChallenge } from './auth-card';
import { startPasswordLogin, verifyLoginCode } from './auth-password';
import type { PueContext } from './context';
import { loadProfile } from './profiles';
import { createSession, revokeSession } from './sessions';

function openSession(ctx: PueContext, profileId: string): PueSession {
  return { ...createSession(ctx, profileId), profile: loadProfile(ctx, profileId) };
}

/** Registers /v1/auth/* and /v1/me. */
export function registerAuthRoutes(app: FastifyInstance, ctx: PueContext): void {
  serve(app, 'passwordLogin', portalApi.passwordLogin, (request) => {
    try {
      const started = startPasswordLogin(ctx, request.body);
      request.log.info({ attemptId: started.attemptId, channel: started.channel }, 'code sent');
      return started;
    } catch (e) {
      request.log.info('password login refused');
      throw e;
    }
  });

  serve(app, 'passwordVerify', portalApi.passwordVerify, (request) => {
    const profileId = verifyLoginCode(ctx, request.body);
    request.log.info({ profileId }, 'password login complete');
    return openSession(ctx, profileId);
  });

  serve(app, 'cardChallenge', portalApi.cardChallenge, () => issueCardChallenge(ctx));

  serve(app, 'cardLogin', portalApi.cardLogin, (request) => {
    const pesel = verifyCardLogin(ctx, request.body);
    const row = ctx.db.prepare('SELECT id FROM profiles WHERE pesel = ?').get(pesel) as
      { id: string } | undefined;
    if (!row) throw new SkrError('UNAUTHORIZED', 'No PUE profile for this ID card');
    request.log.info({ profileId: row.id }, 'card login complete');
    return openSession(ctx, row.id);
  });

  serve(app, 'logout', portalApi.logout, (request, reply) => {
    revokeSession(ctx, request.headers.authorization);
    return reply.status(204).send();
  });

  serve(app, 'me', portalApi.me, (_request, _reply, profileId) => loadProfile(ctx, profileId));
}
