import type { Ticket, TicketAction, TransferRequest } from '@skr/protocol';
import { decideTicketAction } from '../../domain';
import type { UseCaseContext } from './context';
import { findTicket } from './find-ticket';

/**
 * Applies a clerk's action (recall, start, finish, no-show, park, return, transfer, cancel) to
 * a ticket; answers the ticket after it. A clerk may act only on tickets at their counter.
 */
export function ticketAction(
  ctx: UseCaseContext,
  id: string,
  action: TicketAction,
  actor: string | null,
  transfer?: TransferRequest,
  clerk?: string,
): Ticket {
  const ticket = findTicket(ctx, id);
  const { decision } = ctx.uow.run(() =>
    decideTicketAction(ctx.state, { ticket, action, transfer, clerk, actor }, ctx.now()),
  );
  return decision.ticket;
}
