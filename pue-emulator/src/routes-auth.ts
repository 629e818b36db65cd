// Login routes: password + verification code, ID-card challenge–response, logout, own profile.
// Thin: parse at the boundary, call the use case, answer. Logs name the profile id only.
import type { FastifyInstance } from 'fastify';
import {
  PueCardLoginRequest,
  PuePasswordLoginRequest,
  PueVerifyCodeRequest,
  SkrError,
  type PueSession,
} from '@skr/protocol';
import { verifyCardLogin, issueCardChallenge } from './auth-card';
import { startPasswordLogin, verifyLoginCode } from './auth-password';
import type { PueContext } from './context';
import { loadProfile } from './profiles';
import { authenticate, createSession, revokeSession } from './sessions';
import { parseInput } from './validate';

function openSession(ctx: PueContext, profileId: string): PueSession {
  return { ...createSession(ctx, profileId), profile: loadProfile(ctx, profileId) };
}

/** Registers /v1/auth/* and /v1/me. */
export function registerAuthRoutes(app: FastifyInstance, ctx: PueContext): void {
  app.post('/v1/auth/password', async (request) => {
    const body = parseInput(PuePasswordLoginRequest, request.body, 'login request');
    try {
      const started = startPasswordLogin(ctx, body);
      request.log.info({ attemptId: started.attemptId, channel: started.channel }, 'code sent');
      return started;
    } catch (e) {
      request.log.info('password login refused');
      throw e;
    }
  });

  app.post('/v1/auth/password/verify', async (request) => {
    const body = parseInput(PueVerifyCodeRequest, request.body, 'verification');
    const profileId = verifyLoginCode(ctx, body);
    request.log.info({ profileId }, 'password login complete');
    return openSession(ctx, profileId);
  });

  app.post('/v1/auth/card/challenge', async () => issueCardChallenge(ctx));

  app.post('/v1/auth/card', async (request) => {
    const body = parseInput(PueCardLoginRequest, request.body, 'card login');
    const pesel = verifyCardLogin(ctx, body);
    const row = ctx.db.prepare('SELECT id FROM profiles WHERE pesel = ?').get(pesel) as
      { id: string } | undefined;
    if (!row) throw new SkrError('UNAUTHORIZED', 'No PUE profile for this ID card');
    request.log.info({ profileId: row.id }, 'card login complete');
    return openSession(ctx, row.id);
  });

  app.post('/v1/auth/logout', async (request, reply) => {
    revokeSession(ctx, request.headers.authorization);
    return reply.status(204).send();
  });

  app.get('/v1/me', async (request) => {
    const profileId = authenticate(ctx, request.headers.authorization);
    return loadProfile(ctx, profileId);
  });
}
