// The client's inbox: the list, the UPD and the answer. The session is checked by the access
// hook (api-route.ts); logs name answer and UPD ids, never the letter.
import type { FastifyInstance } from 'fastify';
import { portalApi } from '@skr/protocol/routes';
import { serve } from './api-route';
import type { PueContext } from './context';
import { listInbox, openAnswer, signUpd } from './inbox';
import { cardUpdCheck } from './upd-card-check';

/** Registers /v1/inbox/*. */
export function registerInboxRoutes(app: FastifyInstance, ctx: PueContext): void {
  const checkCard = cardUpdCheck(ctx);
  serve(app, 'inbox', portalApi.inbox, (_request, _reply, profileId) => listInbox(ctx, profileId));

  serve(app, 'signUpd', portalApi.signUpd, async (request, reply, profileId) => {
    const { answerId } = request.params;
    const { upd, created } = await signUpd(ctx, profileId, answerId, request.body, checkCard);
    if (created) request.log.info({ answerId, updId: upd.updId, method: upd.method }, 'UPD signed');
    return reply.status(created ? 201 : 200).send(upd);
  });

  serve(app, 'answer', portalApi.answer, (request, _reply, profileId) =>
    openAnswer(ctx, profileId, request.params.answerId),
  );
}
