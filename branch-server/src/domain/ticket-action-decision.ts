import type {
  BranchEventType,
  Counter,
  Ticket,
  TicketAction,
  TransferRequest,
} from '@skr/protocol';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  refusalOf,
  type DomainError,
} from './domain-error';
import { endOfLine } from './line-position';
import { frontOf, type QueueState } from './queue-state';
import type { Decision } from './records';
import {
  cancelTicket,
  finishService,
  markNoShow,
  parkTicket,
  recallTicket,
  returnParked,
  startService,
  transferTicket,
  type TransferTarget,
} from './ticket-lifecycle';

/** A clerk's action on a ticket. */
interface TicketActionCommand {
  /** The ticket as it is now (active, or read from the store). */
  ticket: Ticket;
  action: TicketAction;
  transfer?: TransferRequest;
  /** The signed-in clerk; absent for a manager or a system actor. */
  clerk?: string;
  actor: string | null;
}

const eventTypeOf: Record<TicketAction, BranchEventType> = {
  recall: 'ticket.recalled',
  start: 'ticket.started',
  finish: 'ticket.finished',
  'no-show': 'ticket.no-show',
  park: 'ticket.parked',
  return: 'ticket.returned',
  transfer: 'ticket.transferred',
  cancel: 'ticket.cancelled',
};

/**
 * The counter-ownership rule: a clerk acts only on tickets at the counter they are signed in
 * at (returning a parked client and cancelling are open to every clerk).
 */
function ownershipRefusal(
  state: QueueState,
  t: Ticket,
  action: TicketAction,
  clerk: string | undefined,
): DomainError | undefined {
  if (clerk === undefined || action === 'return' || action === 'cancel' || t.counterId === null)
    return undefined;
  if (state.counters.get(t.counterId)?.clerk === clerk) return undefined;
  return forbidden(`ticket ${t.number} is at counter ${t.counterId}, not yours`, {
    counterId: t.counterId,
  });
}

/** Tickets counter `c` may call: those sent to it and those of the services it serves. */
const callableAt =
  (c: Counter) =>
  (x: Ticket): boolean =>
    x.targetCounterId === c.id || c.skills[x.serviceId] !== undefined;

/**
 * Where a returned parked ticket waits: at the front for the counter that parked it (before
 * everyone that counter may call, as a transfer to that counter "at the front"), so the clerk
 * calls the client back next; at the front of its service's line if that counter is gone.
 */
function returnFront(state: QueueState, t: Ticket, now: Date): string {
  const c = t.counterId === null ? undefined : state.counters.get(t.counterId);
  return frontOf(state, c ? callableAt(c) : (x) => x.serviceId === t.serviceId, now);
}

/** Where a transfer sends the ticket: the service or counter must exist and serve it. */
function transferTarget(
  state: QueueState,
  t: Ticket,
  req: TransferRequest,
  now: Date,
): TransferTarget | DomainError {
  if (req.serviceId !== undefined) {
    const svc = state.services.get(req.serviceId);
    if (!svc || !svc.active)
      return notFound(`no service ${req.serviceId}`, { serviceId: req.serviceId });
    const lineAt =
      req.position === 'front'
        ? frontOf(state, (x) => x.serviceId === svc.id, now)
        : endOfLine(state, now);
    return { serviceId: svc.id, lineAt };
  }
  const c = state.counters.get(req.counterId!);
  if (!c) return notFound(`no counter ${req.counterId}`, { counterId: req.counterId });
  // A closed counter would leave the client waiting for nobody (the line takes it back only
  // when it never reopens): refuse, so the clerk picks an open counter or the service's line.
  if (c.state === 'closed') {
    return conflict(`counter ${c.name} is closed; transfer to an open counter or to the service`, {
      counterId: c.id,
      reason: 'closed-counter',
    });
  }
  if (c.skills[t.serviceId] === undefined) {
    return conflict(`counter ${c.id} does not serve this service`, {
      counterId: c.id,
      serviceId: t.serviceId,
    });
  }
  const lineAt =
    req.position === 'front' ? frontOf(state, callableAt(c), now) : endOfLine(state, now);
  return { counterId: c.id, lineAt };
}

/** The ticket after an action, or the refusal of the ticket lifecycle. */
function next(state: QueueState, cmd: TicketActionCommand, now: Date): Ticket | DomainError {
  const before = cmd.ticket;
  switch (cmd.action) {
    case 'recall':
      return refusalOf(() => recallTicket(before, now, state.settings));
    case 'start':
      return refusalOf(() => startService(before, now));
    case 'finish':
      return refusalOf(() => finishService(before, now));
    case 'no-show':
      return refusalOf(() => markNoShow(before, now));
    case 'park':
      return refusalOf(() => parkTicket(before));
    case 'return':
      return refusalOf(() => returnParked(before, returnFront(state, before, now)));
    case 'cancel':
      return refusalOf(() => cancelTicket(before, now));
    case 'transfer': {
      if (!cmd.transfer) return invalid('transfer needs serviceId or counterId');
      const target = transferTarget(state, before, cmd.transfer, now);
      if (target instanceof Error) return target;
      return refusalOf(() => transferTicket(before, target));
    }
  }
}

/**
 * Decides a clerk's action: ownership first, then the lifecycle. A recall past the limit
 * becomes a no-show (and is published as one).
 */
export function decideTicketAction(
  state: QueueState,
  cmd: TicketActionCommand,
  now: Date,
): (Decision & { ticket: Ticket }) | DomainError {
  const refused = ownershipRefusal(state, cmd.ticket, cmd.action, cmd.clerk);
  if (refused) return refused;
  const after = next(state, cmd, now);
  if (after instanceof Error) return after;
  const type: BranchEventType =
    cmd.action === 'recall' && after.state === 'no-show'
      ? 'ticket.no-show'
      : eventTypeOf[cmd.action];
  return {
    ticket: after,
    events: [{ at: now.toISOString(), type, ticket: after, actor: cmd.actor }],
    rows: [{ row: 'ticket', ticket: after, expected: cmd.ticket.state }],
  };
}
