import type { Counter } from '@skr/protocol';
import { conflict, forbidden, type DomainError } from './domain-error';
import type { QueueState } from './queue-state';
import type { RowChange } from './records';

/**
 * Who acts at a counter. A clerk is bound by the ownership rule; a manager or admin may step
 * in (and that is audited); `system` is the branch itself (end of day, tests).
 */
export type CounterCaller =
  | { role: 'clerk'; username: string }
  | { role: 'manager' | 'admin'; username: string }
  | { role: 'system' };

/** What a caller does at a counter. */
type CounterAct = 'open' | 'close' | 'pause' | 'call';

/**
 * The clerk holding an open or paused counter, or null. A closed counter belongs to nobody.
 */
export function holderOf(c: Counter): string | null {
  return c.state === 'closed' ? null : c.clerk;
}

/**
 * The counter-ownership rule. A clerk acts only at the counter they hold and holds one
 * counter at a time. Opening a counter another clerk holds is refused while that clerk still
 * has a live session (`holderSignedIn`); after their session expired the counter is
 * reclaimable (chosen so a client in hand is never dropped by a timer).
 */
export function counterOwnershipRefusal(
  state: QueueState,
  c: Counter,
  act: CounterAct,
  caller: CounterCaller,
  holderSignedIn: boolean,
): DomainError | undefined {
  if (caller.role !== 'clerk') return undefined;
  const holder = holderOf(c);
  const me = caller.username;
  if (act === 'open') {
    if (holder !== null && holder !== me && holderSignedIn) {
      return forbidden(`counter ${c.name} is held by another clerk`, {
        counterId: c.id,
        counterName: c.name,
        reason: 'held-by-other',
      });
    }
    const other = [...state.counters.values()].find((x) => x.id !== c.id && holderOf(x) === me);
    if (other) {
      return conflict(`you already hold counter ${other.name}; close it first`, {
        counterId: other.id,
        counterName: other.name,
        reason: 'holds-other-counter',
      });
    }
    return undefined;
  }
  // A closed counter answers its own refusal ("not open") or nothing changes.
  if (c.state === 'closed' || holder === me) return undefined;
  return forbidden(`counter ${c.name} is held by another clerk`, {
    counterId: c.id,
    counterName: c.name,
    reason: 'not-your-counter',
  });
}

/**
 * The audit row when a manager or admin acts at a counter a clerk holds (a step-in), or none.
 */
export function stepInAudit(
  c: Counter,
  act: CounterAct,
  caller: CounterCaller,
  at: string,
): RowChange[] {
  const holder = holderOf(c);
  if (caller.role === 'clerk' || caller.role === 'system' || holder === null) return [];
  if (holder === caller.username) return [];
  return [
    {
      row: 'audit',
      entry: {
        at,
        actor: `user:${caller.username}`,
        entity: 'counter',
        entityId: String(c.id),
        action: 'update',
        diff: { stepIn: { before: holder, after: `${caller.role}:${caller.username}:${act}` } },
      },
    },
  ];
}
