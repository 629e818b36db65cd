import { LoginRequest } from '@skr/protocol';
import type { FastifyInstance } from 'fastify';
import { bearer } from './authorize';
import type { ApiContext } from './context';
import { parse } from './validate';

/** Staff login and logout. */
export async function authRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  app.post(
    '/api/v1/auth/login',
    {
      config: {
        rateLimit: {
          max: ctx.loginRateLimit,
          timeWindow: 60_000,
          // Per address and user name, so one typo-prone clerk does not lock out the hall.
          keyGenerator: (req) => {
            const name = (req.body as { username?: unknown } | undefined)?.username;
            return `${req.ip}|${typeof name === 'string' ? name.toLowerCase() : ''}`;
          },
        },
      },
    },
    async (req) => {
      const body = parse(LoginRequest, req.body);
      return ctx.auth.login(body.username, body.password);
    },
  );
  app.post('/api/v1/auth/logout', async (req, reply) => {
    ctx.auth.authenticate(bearer(req));
    ctx.auth.logout(bearer(req)!);
    return reply.status(204).send();
  });
}
