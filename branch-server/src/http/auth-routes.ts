import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { serve } from './api-route';
import { bearer } from './authorize';
import type { ApiContext } from './context';

/** Staff login and logout. */
export async function authRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  serve(
    app,
    'login',
    branchApi.login,
    (req) => ctx.auth.login(req.body.username, req.body.password),
    {
      config: {
        rateLimit: {
          max: ctx.loginRateLimit,
          timeWindow: 60_000,
          // Per address and user name, so one typo-prone clerk does not lock out the hall.
          keyGenerator: (req: { ip: string; body?: unknown }) => {
            const name = (req.body as { username?: unknown } | undefined)?.username;
            return `${req.ip}|${typeof name === 'string' ? name.toLowerCase() : ''}`;
          },
        },
      },
    },
  );
  serve(app, 'logout', branchApi.logout, (req, reply) => {
    ctx.auth.logout(bearer(req)!);
    return reply.status(204).send();
  });
}
