// The branch's side of profile confirmation (issue 16): find a registration, then the decision
// delivered from the branch outbox (idempotent by the branch's confirmation id).
import type { FastifyInstance } from 'fastify';
import { portalApi } from '@skr/protocol/routes';
import { serve } from './api-route';
import type { PueContext } from './context';
import { decideRegistration, findRegistration } from './registrations';

/** Registers /v1/branches/{branchId}/registrations/*. */
export function registerRegistrationRoutes(app: FastifyInstance, ctx: PueContext): void {
  serve(app, 'findRegistration', portalApi.findRegistration, (request) =>
    findRegistration(ctx, request.body),
  );
  serve(app, 'decideRegistration', portalApi.decideRegistration, (request, reply, branchId) => {
    ctx.deliveries.received += 1;
    const key = String(request.headers['idempotency-key']);
    const { receipt, created } = decideRegistration(ctx, branchId, key, request.body);
    if (!created) ctx.deliveries.replays += 1;
    request.log.info(
      {
        registrationId: receipt.registrationId,
        status: receipt.status,
        branchId,
        replay: !created,
      },
      'registration decided',
    );
    return reply.status(created ? 201 : 200).send(receipt);
  });
}
