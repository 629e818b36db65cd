import type { Counter, QueueSettings, Service, Ticket } from '@skr/protocol';
import { minutesBetween } from './time';

/** What a calling policy sees: the waiting tickets, the branch, and the mixing memory. */
export interface QueueView {
  now: Date;
  counter: Counter;
  waiting: readonly Ticket[];
  services: ReadonlyMap<string, Service>;
  counters: ReadonlyMap<number, Counter>;
  settings: QueueSettings;
  /** Regular tickets called since the last priority ticket, branch-wide. */
  regularSincePriority: number;
}

/** Picks the next ticket for a counter, or undefined when it has nobody to call. Pure. */
export type CallingPolicy = (view: QueueView) => Ticket | undefined;

/**
 * Whether `counter` may call `ticket`: it has the skill, and a ticket sent to one counter
 * waits for that counter while it is open.
 */
export function eligible(ticket: Ticket, view: QueueView): boolean {
  const { counter, counters } = view;
  if (ticket.targetCounterId !== null) {
    if (ticket.targetCounterId === counter.id) return true;
    const target = counters.get(ticket.targetCounterId);
    if (target && target.state !== 'closed') return false;
  }
  return counter.skills[ticket.serviceId] !== undefined;
}

/** Minutes the ticket has waited in its line (negative for a booking not yet due). */
export function waitedMinutes(ticket: Ticket, now: Date): number {
  return minutesBetween(ticket.lineAt, now);
}

function target(ticket: Ticket, view: QueueView): number {
  return view.services.get(ticket.serviceId)?.targetWaitMinutes ?? 15;
}

/**
 * Order within a class: tickets for this counter placed at the front, booked visits due, then
 * weighted lateness. A ticket sent to this counter "at the end" (its line position is behind
 * someone else in the pool) queues by lateness like everyone else, so it is not served first.
 */
function compare(view: QueueView, pool: readonly Ticket[]) {
  const { now, counter } = view;
  const firstOther = pool
    .filter((t) => t.targetCounterId !== counter.id)
    .reduce((min, t) => (t.lineAt < min ? t.lineAt : min), '\uffff');
  const key = (t: Ticket): [number, number] => {
    if (t.targetCounterId === counter.id && t.lineAt <= firstOther) {
      return [0, new Date(t.lineAt).getTime()];
    }
    if (t.bookedFor !== null && t.lineAt === t.bookedFor && new Date(t.bookedFor) <= now) {
      return [1, new Date(t.bookedFor).getTime()];
    }
    const weight = counter.skills[t.serviceId] ?? 1;
    // Lateness relative to the service's target, scaled by the counter's skill weight.
    // Higher is more urgent; negated so that sort ascending puts it first.
    const urgency = (Math.max(waitedMinutes(t, now), 0) + 0.01) / target(t, view);
    return [2, -weight * urgency];
  };
  return (a: Ticket, b: Ticket): number => {
    const ka = key(a);
    const kb = key(b);
    return (
      ka[0] - kb[0] || ka[1] - kb[1] || a.lineAt.localeCompare(b.lineAt) || a.id.localeCompare(b.id)
    );
  };
}

/**
 * The default policy. In order:
 * 1. starvation bound: a ticket that has waited `starvationFactor` × its target goes first
 *    (most overdue first), so nobody waits without bound while a counter serves the service;
 * 2. mixing: after `regularPerPriority` regular calls a waiting priority ticket is taken;
 *    otherwise regular tickets first (priority ones still go when no regular one waits);
 * 3. within the chosen class: tickets sent to this counter at the front of its line, booked
 *    visits due (by booked time), then everyone else (walk-ins and tickets sent here "at the
 *    end") by skill weight × lateness against the service's target.
 * Bookings not yet due are called only when nothing else waits for the counter.
 */
export const defaultPolicy: CallingPolicy = (view) => {
  const { now, settings } = view;
  const candidates = view.waiting.filter((t) => t.state === 'waiting' && eligible(t, view));
  if (candidates.length === 0) return undefined;

  const nowIso = now.toISOString();
  const due = candidates.filter((t) => t.lineAt <= nowIso);
  if (due.length === 0) return [...candidates].sort((a, b) => a.lineAt.localeCompare(b.lineAt))[0];

  const starving = due
    .map((t) => ({
      t,
      over: waitedMinutes(t, now) / (settings.starvationFactor * target(t, view)),
    }))
    .filter((x) => x.over >= 1)
    .sort((a, b) => b.over - a.over);
  if (starving.length > 0) return starving[0]!.t;

  const priority = due.filter((t) => t.priority !== null);
  const regular = due.filter((t) => t.priority === null);
  const takePriority =
    priority.length > 0 &&
    (regular.length === 0 || view.regularSincePriority >= settings.regularPerPriority);
  const pool = takePriority ? priority : regular;
  return [...pool].sort(compare(view, pool))[0];
};

/** Plain first-come first-served by line position: the baseline the default is measured against. */
export const fifoPolicy: CallingPolicy = (view) =>
  view.waiting
    .filter((t) => t.state === 'waiting' && eligible(t, view) && t.lineAt <= view.now.toISOString())
    .sort((a, b) => a.lineAt.localeCompare(b.lineAt) || a.id.localeCompare(b.id))[0];
