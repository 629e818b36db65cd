import type { FastifyInstance, FastifyReply } from 'fastify';
import { isSkrError } from '@skr/protocol/errors';
import { KIOSK_PROXIED, kioskProxyApi, type KioskProxiedName } from '@skr/protocol/kiosk-proxy';
import type { BranchClient } from '../devices/branch-client';

type LooseRequest = (
  name: KioskProxiedName,
  input: Record<string, unknown>,
) => Promise<{ status: number; data: unknown }>;

/** The answer for a failed branch call: the branch's own error, or why there was none. */
function sendFailure(reply: FastifyReply, e: unknown) {
  if (isSkrError(e) && e.status !== undefined && e.status >= 400)
    return reply
      .status(e.status)
      .send({ code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) });
  // No answer: as a gateway, 504 when the branch was too slow, 503 when it cannot be reached;
  // a branch answer that broke its schema is 502.
  const code = isSkrError(e) ? e.code : 'UNAVAILABLE';
  const status = code === 'TIMEOUT' ? 504 : code === 'UNAVAILABLE' ? 503 : 502;
  return reply.status(status).send({ code, message: 'branch server unreachable' });
}

/**
 * Registers the pass-through of the kiosk's routes ({@link KIOSK_PROXIED}) at their paths from
 * the route table; the host's branch client adds the device token and checks the answer against
 * the route's schema. Any other branch path is not served here (404).
 */
export function registerApiProxy(app: FastifyInstance, branch: BranchClient): void {
  const request = branch.request as unknown as LooseRequest;
  for (const name of KIOSK_PROXIED) {
    const def = kioskProxyApi[name];
    app.route({
      method: def.method,
      url: def.path,
      handler: async (req, reply) => {
        const session = req.headers['x-pue-session'];
        // The page may key its own retries of a write (the host keys its own otherwise).
        const key = req.headers['idempotency-key'];
        try {
          const r = await request(name, {
            params: req.params,
            query: req.query,
            ...('body' in def ? { body: req.body ?? {} } : {}),
            headers: {
              ...(typeof session === 'string' ? { 'x-pue-session': session } : {}),
              ...(typeof key === 'string' ? { 'idempotency-key': key } : {}),
            },
          });
          reply.header('cache-control', 'no-store');
          return reply.status(r.status).send(r.data ?? null);
        } catch (e) {
          return sendFailure(reply, e);
        }
      },
    });
  }
}
