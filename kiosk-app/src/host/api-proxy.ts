import type { FastifyInstance } from 'fastify';
import { isSkrError } from '@skr/protocol';
import type { BranchClient } from '../devices/branch-client';

/**
 * Branch routes the renderer may reach through the host, with the kiosk's device token added
 * here (the renderer never holds it). Ticket issuing and document intake are not on the list:
 * they go through the bridge, which also prints.
 */
export const PROXIED: readonly { method: 'GET' | 'POST'; path: RegExp }[] = [
  { method: 'GET', path: /^\/api\/v1\/services$/ },
  { method: 'GET', path: /^\/api\/v1\/document-forms$/ },
  { method: 'GET', path: /^\/api\/v1\/documents\/[\w-]{1,64}$/ },
  { method: 'POST', path: /^\/api\/v1\/pue\/auth\/(password|password\/verify|logout)$/ },
  { method: 'GET', path: /^\/api\/v1\/pue\/me$/ },
  { method: 'GET', path: /^\/api\/v1\/pue\/accounts\/[\w-]{1,64}$/ },
  { method: 'GET', path: /^\/api\/v1\/pue\/accounts\/[\w-]{1,64}\/archive-orders$/ },
  { method: 'POST', path: /^\/api\/v1\/pue\/accounts\/[\w-]{1,64}\/archive-orders$/ },
];

/** True when the renderer may send `method path` (query string ignored) to the branch. */
export function isProxied(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return PROXIED.some((p) => p.method === method && p.path.test(path));
}

/** Registers the pass-through of the allowed branch routes. */
export function registerApiProxy(app: FastifyInstance, branch: BranchClient): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/v1/*',
    handler: async (req, reply) => {
      if (!isProxied(req.method, req.url))
        return reply.status(404).send({ code: 'NOT_FOUND', message: 'not available at the kiosk' });
      const session = req.headers['x-pue-session'];
      try {
        const r = await branch.request(
          req.method,
          req.url,
          req.method === 'POST' ? (req.body ?? {}) : undefined,
          typeof session === 'string' ? { 'x-pue-session': session } : {},
        );
        reply.header('cache-control', 'no-store');
        return reply.status(r.status).send(r.body ?? null);
      } catch (e) {
        const code = isSkrError(e) ? e.code : 'UNAVAILABLE';
        return reply.status(503).send({ code, message: 'branch server unreachable' });
      }
    },
  });
}
