import type { Principal } from '@skr/protocol';
import type { FastifyRequest } from 'fastify';
import { requireRole, type AuthService, type Caller } from '../auth';

/** The bearer token of a request, if any. */
export function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/** Authenticates the request (401) and checks its role (403). */
export function authorize(
  auth: AuthService,
  req: FastifyRequest,
  who: readonly Principal[],
): Caller {
  const caller = auth.authenticate(bearer(req));
  requireRole(caller, who);
  return caller;
}
