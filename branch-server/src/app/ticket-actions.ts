import {
  SkrError,
  type BranchEvent,
  type Counter,
  type Service,
  type Ticket,
  type TicketAction,
  type TransferRequest,
} from '@skr/protocol';
import {
  cancelTicket,
  conflict,
  finishService,
  markNoShow,
  parkTicket,
  recallTicket,
  returnParked,
  startService,
  transferTicket,
} from '../domain';
import type { NewEvent, TicketRepo } from '../store';
import type { BranchState } from './branch-state';

/** What the clerk's ticket actions need from the branch. */
export interface ActionContext {
  state: BranchState;
  tickets: TicketRepo;
  now: () => Date;
  commit: (change: () => NewEvent[]) => BranchEvent[];
  ticket: (id: string) => Ticket;
  service: (id: string) => Service;
  counter: (id: number) => Counter;
  /** Line position in front of everyone now waiting in the given line. */
  frontOf: (inLine: (t: Ticket) => boolean) => string;
}

/** The clerk's actions on a ticket in hand: recall, start, finish, no-show, park, return, transfer, cancel. */
export function ticketActions(ctx: ActionContext) {
  const { state, tickets, now, commit, ticket, service, counter, frontOf } = ctx;

  /** Applies a clerk's action to a ticket; returns the ticket after it. */
  function act(
    id: string,
    action: TicketAction,
    actor: string | null,
    transfer?: TransferRequest,
    /** A clerk may act only on tickets at the counter they are signed in at. */
    clerk?: string,
  ): Ticket {
    const before = ticket(id);
    if (
      clerk !== undefined &&
      action !== 'return' &&
      action !== 'cancel' &&
      before.counterId !== null
    ) {
      const at = state.counters.get(before.counterId);
      if (at?.clerk !== clerk) {
        throw new SkrError(
          'FORBIDDEN',
          `ticket ${before.number} is at counter ${before.counterId}, not yours`,
          {
            details: { counterId: before.counterId },
          },
        );
      }
    }
    const at = now();
    let after: Ticket;
    switch (action) {
      case 'recall':
        after = recallTicket(before, at, state.settings);
        break;
      case 'start':
        after = startService(before, at);
        break;
      case 'finish':
        after = finishService(before, at);
        break;
      case 'no-show':
        after = markNoShow(before, at);
        break;
      case 'park':
        after = parkTicket(before);
        break;
      case 'return':
        after = returnParked(
          before,
          frontOf((t) => t.serviceId === before.serviceId),
        );
        break;
      case 'cancel':
        after = cancelTicket(before, at);
        break;
      case 'transfer': {
        if (!transfer) throw new SkrError('INVALID', 'transfer needs serviceId or counterId');
        after = transferTicket(before, transferTarget(before, transfer));
        break;
      }
    }
    const type: BranchEvent['type'] =
      action === 'recall' && after.state === 'no-show' ? 'ticket.no-show' : eventTypeOf[action];
    commit(() => {
      tickets.update(after, before.state);
      return [{ at: at.toISOString(), type, ticket: after, actor }];
    });
    return after;
  }

  function transferTarget(t: Ticket, req: TransferRequest) {
    if (req.serviceId !== undefined) {
      const svc = service(req.serviceId);
      const lineAt =
        req.position === 'front' ? frontOf((x) => x.serviceId === svc.id) : now().toISOString();
      return { serviceId: svc.id, lineAt };
    }
    const c = counter(req.counterId!);
    if (c.skills[t.serviceId] === undefined) {
      throw conflict(`counter ${c.id} does not serve this matter`, {
        counterId: c.id,
        serviceId: t.serviceId,
      });
    }
    const lineAt =
      req.position === 'front'
        ? frontOf((x) => x.targetCounterId === c.id || c.skills[x.serviceId] !== undefined)
        : now().toISOString();
    return { counterId: c.id, lineAt };
  }

  return { act };
}

const eventTypeOf: Record<TicketAction, BranchEvent['type']> = {
  recall: 'ticket.recalled',
  start: 'ticket.started',
  finish: 'ticket.finished',
  'no-show': 'ticket.no-show',
  park: 'ticket.parked',
  return: 'ticket.returned',
  transfer: 'ticket.transferred',
  cancel: 'ticket.cancelled',
};
