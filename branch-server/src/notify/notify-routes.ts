import { SkrError } from '@skr/protocol';
import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { serve } from '../http/api-route';
import type { ApiContext } from '../http/context';
import type { Notifier } from './notifier';

const TICKET_ID = /^[0-9a-f-]{36}$/;

/** Contacts for a visit (follow page, kiosk, desk) and the manager's notification counts. */
export async function notifyRoutes(
  app: FastifyInstance,
  ctx: ApiContext & { notifier: Notifier },
): Promise<void> {
  const { notifier, branch } = ctx;
  const ticketId = (id: string) => {
    // Same answer as the follow page for a malformed id: the id is the capability.
    if (!TICKET_ID.test(id)) throw new SkrError('NOT_FOUND', 'no such ticket');
    return id;
  };
  serve(app, 'putTicketContact', branchApi.putTicketContact, (req) => {
    const id = ticketId(req.params.id);
    const lang = req.body.lang ?? branch.ticket(id).lang;
    notifier.contactForTicket(id, req.body.channel, req.body.address, lang);
    return { channel: req.body.channel, lang };
  });
  serve(app, 'deleteTicketContact', branchApi.deleteTicketContact, (req, reply) => {
    const id = ticketId(req.params.id);
    branch.ticket(id);
    notifier.withdraw(id, req.query.channel);
    return reply.status(204).send();
  });
  serve(app, 'putBookingContact', branchApi.putBookingContact, (req) => {
    const lang = req.body.lang ?? 'pl';
    notifier.contactForBooking(req.params.code, req.body.channel, req.body.address, lang);
    return { channel: req.body.channel, lang };
  });
  serve(app, 'notifyStats', branchApi.notifyStats, () => ({
    enabled: notifier.enabled,
    ...notifier.stats(),
  }));
}
/** Where a booking's contact is kept (for tests and the desk). */
