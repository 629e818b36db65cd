import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { serve } from './api-route';
import { bearer } from './authorize';
import type { ApiContext } from './context';
import { createLoginLimiter } from './login-limit';

/** Staff login and logout. */
export async function authRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  // Per address (any user name) three times the per-user limit, the branch five times that.
  const perAddress = Math.max(20, 3 * ctx.loginRateLimit);
  const limiter = createLoginLimiter({ perAddress, global: 5 * perAddress, windowMs: 60_000 });
  serve(
    app,
    'login',
    branchApi.login,
    async (req) => {
      limiter.check(req.ip);
      try {
        return await ctx.auth.login(req.body.username, req.body.password);
      } catch (e) {
        limiter.failed(req.ip);
        throw e;
      }
    },
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
