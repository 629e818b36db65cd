import type { Counter, Ticket } from '@skr/protocol';
import { DEFAULT_SERVICE_MINUTES } from './estimate';
import type { LookAhead } from './look-ahead';

/** What the look-ahead rule needs to decide for one counter that is free now. */
export interface BookedLookAheadInput {
  now: Date;
  /** The counter that is free now and deciding. */
  counter: Counter;
  counters: Iterable<Counter>;
  /** Booked visits checked in and waiting (due or not yet due). */
  booked: readonly Ticket[];
  lookAhead: LookAhead;
  /** Whether a counter may call a ticket (skills, a ticket sent to one counter). */
  canServe: (t: Ticket, c: Counter) => boolean;
  /** Minutes of the work the counter would start instead (the walk-in it would call). */
  otherMinutes: number;
  /** Minutes after its time a booked visit is still called on time. */
  graceMinutes: number;
}

const MINUTE = 60_000;

/** A booked visit as the plan sees it: when it should be called, and for how long. */
interface Visit {
  ticket: Ticket;
  due: number;
  minutes: number;
}

/**
 * Plans the booked visits in the order of their time onto the counters' expected free times,
 * each onto the counter free latest that is still in time (so counters free sooner stay for
 * later visits); returns the visits no counter reaches by their time. Greedy, not an optimal
 * matching: it may report a miss a matching would avoid, which only makes a call early.
 */
function missedVisits(
  visits: readonly Visit[],
  counters: readonly Counter[],
  free: Map<number, number>,
  canServe: BookedLookAheadInput['canServe'],
): Ticket[] {
  const missed: Ticket[] = [];
  for (const v of visits) {
    let best: Counter | undefined;
    let bestFree = -Infinity;
    for (const c of counters) {
      const f = free.get(c.id)!;
      if (f > v.due || f <= bestFree || !canServe(v.ticket, c)) continue;
      best = c;
      bestFree = f;
    }
    if (best) free.set(best.id, Math.max(bestFree, v.due) + v.minutes * MINUTE);
    else missed.push(v.ticket);
  }
  return missed;
}

/**
 * The look-ahead for booked visits. A counter free now is about to start other work (a walk-in)
 * of `otherMinutes`; the booked visits checked in and due before it would be free again are
 * planned onto every counter's expected free time, this one's after that work. A visit no
 * counter reaches by its time is called now, early if need be, by this counter if it may serve
 * it (the earliest such visit); otherwise the counter starts the other work. Planning for the
 * booked time itself leaves the grace minutes as the margin for visits that run longer than
 * typical; a visit already past its time is planned for now. Undefined: start the other work.
 */
export function bookedToCallNow(input: BookedLookAheadInput): Ticket | undefined {
  const now = input.now.getTime();
  const horizon = now + input.otherMinutes * MINUTE;
  const visits: Visit[] = [];
  for (const t of input.booked) {
    const due = Date.parse(t.lineAt);
    if (due > horizon || due + input.graceMinutes * MINUTE < now) continue;
    const minutes = input.lookAhead.serviceMinutes.get(t.serviceId) ?? DEFAULT_SERVICE_MINUTES;
    visits.push({ ticket: t, due: Math.max(due, now), minutes });
  }
  if (!visits.some((v) => input.canServe(v.ticket, input.counter))) return undefined;
  visits.sort((a, b) => a.due - b.due || a.ticket.id.localeCompare(b.ticket.id));
  const open = [...input.counters].filter((c) => c.state === 'open' || c.id === input.counter.id);
  const free = new Map(
    open.map((c) => {
      if (c.id === input.counter.id) return [c.id, horizon];
      const at = input.lookAhead.freeAt.get(c.id);
      return [c.id, at === undefined ? now : Math.max(now, Date.parse(at))];
    }),
  );
  return missedVisits(visits, open, free, input.canServe).find((t) =>
    input.canServe(t, input.counter),
  );
}
