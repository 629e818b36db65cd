import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth';
import { authorize } from './authorize';

/**
 * Authorizes every table route from its declared access, first thing after routing: a caller
 * without a valid token gets 401 and one without the role 403, before the body is parsed or
 * validated (so nobody learns the expected input, or makes the server read 15 MB, unasked).
 */
export function installAccessHook(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    req.caller = authorize(auth, req, access);
  });
}
