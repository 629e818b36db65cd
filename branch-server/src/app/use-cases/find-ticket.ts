import type { Ticket } from '@skr/protocol';
import { notFound } from '../../domain';
import type { UseCaseContext } from './context';

/** A ticket by id: from memory when active, else from the store; NOT_FOUND otherwise. */
export function findTicket(ctx: UseCaseContext, id: string): Ticket {
  const t = ctx.state.active.get(id) ?? ctx.tickets.get(id);
  if (!t) throw notFound(`no ticket ${id}`, { ticketId: id });
  return t;
}
