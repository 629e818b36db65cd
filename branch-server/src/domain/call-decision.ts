import type { Ticket, TicketState } from '@skr/protocol';
import type { CallingPolicy } from './calling-policy';
import { conflict, notFound, type DomainError } from './domain-error';
import { counterOwnershipRefusal, stepInAudit, type CounterCaller } from './counter-ownership';
import { lookAheadOf } from './look-ahead';
import type { QueueState } from './queue-state';
import type { Decision } from './records';
import { callTicket, finishService } from './ticket-lifecycle';

/** Call the next client to a counter. */
interface CallNextCommand {
  counterId: number;
  actor: string | null;
  /** Who calls (absent = the branch itself): a clerk calls only at the counter they hold. */
  caller?: CounterCaller;
}

/**
 * Decides a call: the counter must exist and be open and must not still have a called ticket;
 * a ticket being served there is finished first, then the policy's pick is called. No events
 * when nobody waits and nothing is in hand.
 */
export function decideCallNext(
  state: QueueState,
  cmd: CallNextCommand,
  now: Date,
  policy: CallingPolicy,
): Decision | DomainError {
  const { counterId, actor } = cmd;
  const c = state.counters.get(counterId);
  if (!c) return notFound(`no counter ${counterId}`, { counterId });
  if (cmd.caller) {
    const refused = counterOwnershipRefusal(state, c, 'call', cmd.caller, true);
    if (refused) return refused;
  }
  if (c.state !== 'open') return conflict(`counter ${counterId} is not open`, { counterId });
  const current = state.inHand(counterId);
  if (current?.state === 'called') {
    return conflict(
      `ticket ${current.number} is still called: start it, recall it or mark it no-show`,
      { ticket: current.number },
    );
  }
  const next = policy({
    now,
    counter: c,
    waiting: state.waiting(),
    services: state.services,
    counters: state.counters,
    settings: state.settings,
    regularSincePriority: state.regularSincePriority,
    // Built only if the policy reads it (a booked visit is near): it scans the active tickets.
    get lookAhead() {
      const inHand = [...state.active.values()].filter(
        (t) => t.state === 'called' || t.state === 'serving',
      );
      return lookAheadOf(inHand, state.durations, state.services.keys(), now);
    },
  });
  const at = now.toISOString();
  const out: Decision = {
    events: [],
    rows: cmd.caller && (current || next) ? stepInAudit(c, 'call', cmd.caller, at) : [],
  };
  const emit = (type: 'ticket.finished' | 'ticket.called', ticket: Ticket, was: TicketState) => {
    out.events.push({ at, type, ticket, actor });
    out.rows.push({ row: 'ticket', ticket, expected: was });
  };
  if (current) emit('ticket.finished', finishService(current, now), current.state);
  if (next) {
    emit('ticket.called', callTicket(next, c, now), 'waiting');
    out.calledId = next.id;
  }
  return out;
}
