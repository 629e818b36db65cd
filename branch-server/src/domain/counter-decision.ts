import type { Counter } from '@skr/protocol';
import { conflict, notFound, type DomainError } from './domain-error';
import { counterOwnershipRefusal, stepInAudit, type CounterCaller } from './counter-ownership';
import type { QueueState } from './queue-state';
import type { Decision } from './records';

/**
 * Open (for a clerk), close or pause a counter. `caller` (absent = the branch itself) is held
 * to the ownership rule; `holderSignedIn` says whether the counter's clerk still has a live
 * session (a counter whose clerk's session expired is reclaimable).
 */
export type CounterCommand = {
  counterId: number;
  actor: string | null;
  caller?: CounterCaller;
  holderSignedIn?: boolean;
} & (
  | { change: 'open'; clerk: string | null }
  | { change: 'close' }
  | { change: 'pause'; reason: string }
);

/**
 * Decides a counter's state change; a counter with a ticket in hand may not close or pause
 * (the client would be left at a dark counter).
 */
export function decideCounter(
  state: QueueState,
  cmd: CounterCommand,
  now: Date,
): (Decision & { counter: Counter }) | DomainError {
  const before = state.counters.get(cmd.counterId);
  if (!before) return notFound(`no counter ${cmd.counterId}`, { counterId: cmd.counterId });
  const act = cmd.change;
  if (cmd.caller) {
    const refused = counterOwnershipRefusal(
      state,
      before,
      act,
      cmd.caller,
      cmd.holderSignedIn ?? true,
    );
    if (refused) return refused;
  }
  const patch: Partial<Counter> =
    cmd.change === 'open'
      ? { state: 'open', pauseReason: null, clerk: cmd.clerk }
      : cmd.change === 'close'
        ? { state: 'closed', pauseReason: null, clerk: null }
        : { state: 'paused', pauseReason: cmd.reason };
  if (patch.state !== 'open' && state.inHand(cmd.counterId)) {
    return conflict(`counter ${cmd.counterId} still has a ticket in hand; finish it first`, {
      counterId: cmd.counterId,
    });
  }
  const counter: Counter = { ...before, ...patch };
  const type =
    cmd.change === 'open'
      ? 'counter.opened'
      : cmd.change === 'close'
        ? 'counter.closed'
        : 'counter.paused';
  return {
    counter,
    events: [{ at: now.toISOString(), type, counter, actor: cmd.actor }],
    rows: [
      { row: 'counter', counter },
      ...(cmd.caller ? stepInAudit(before, act, cmd.caller, now.toISOString()) : []),
    ],
  };
}
