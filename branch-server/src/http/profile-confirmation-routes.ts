import { SkrError } from '@skr/protocol';
import { PueRegistration, type RegistrationLookup } from '@skr/protocol/profile-confirmation';
import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import type { RegistrationSource } from '../app/use-cases/profile-confirmation';
import { serve } from './api-route';
import type { PortalRouteContext } from './pue-routes';

/** What the clerk reads when the portal cannot be asked (the brief's wording, issue 16). */
const PORTAL_DOWN_MESSAGE = 'portal niedostępny — potwierdzenie możliwe po przywróceniu połączenia';

/**
 * Profile confirmation at the counter (issue 16). The registration is always asked of the
 * portal (lookup and again at the decision, so a decision made elsewhere meanwhile is seen);
 * while the portal is down the clerk is told so and nothing is recorded or queued.
 */
export async function profileConfirmationRoutes(
  app: FastifyInstance,
  ctx: PortalRouteContext,
): Promise<void> {
  const { sync, branch } = ctx;

  const source: RegistrationSource = async (q: RegistrationLookup) => {
    const portal = sync.portal;
    if (!portal)
      throw new SkrError('UNAVAILABLE', PORTAL_DOWN_MESSAGE, {
        details: { reason: 'portal-down' },
      });
    try {
      const res = await portal.call({
        method: 'POST',
        path: portal.branchPath('/registrations/lookup'),
        body: q,
        asBranch: true,
        timeoutMs: 5000,
      });
      return PueRegistration.parse(res.body);
    } catch (cause) {
      // The portal's own refusals (NOT_FOUND, INVALID) pass on; anything else means "down".
      if (cause instanceof SkrError && cause.code !== 'UNAVAILABLE' && cause.code !== 'TIMEOUT')
        throw cause;
      throw new SkrError('UNAVAILABLE', PORTAL_DOWN_MESSAGE, {
        cause,
        details: { reason: 'portal-down' },
      });
    }
  };

  serve(app, 'findRegistration', branchApi.findRegistration, (req) =>
    branch.profiles.find(source, req.body),
  );
  serve(app, 'confirmProfile', branchApi.confirmProfile, async (req, reply, caller) => {
    const receipt = await branch.profiles.confirm(source, req.body, caller.subject);
    sync.wake();
    return reply.status(201).send(receipt);
  });
  serve(app, 'refuseProfile', branchApi.refuseProfile, async (req, reply, caller) => {
    const receipt = await branch.profiles.refuse(source, req.body, caller.subject);
    sync.wake();
    return reply.status(201).send(receipt);
  });
}
