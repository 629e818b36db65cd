import type { Counter, QueueSettings, Service, Ticket } from '@skr/protocol';
import { bookedToCallNow } from './booked-look-ahead';
import { DEFAULT_SERVICE_MINUTES, MAX_SERVICE_MINUTES } from './estimate';
import { byLine, isBooked } from './line-order';
import type { LookAhead } from './look-ahead';
import { addMinutes, minutesBetween, msOf } from './time';

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
  /** When busy counters free up and how long services take; absent: no look-ahead. */
  lookAhead?: LookAhead;
  /**
   * `now.toISOString()`, when the caller has it already (the wait estimate's dry run: formatting
   * it at each of its calls showed in issue 12's profile). Absent: the policy formats it.
   */
  nowIso?: string;
  /** `now.getTime()`, when the caller has it without the Date (the dry run again). */
  nowMs?: number;
  /**
   * Each waiting ticket's line position in ms (`msOf(lineAt)`), in the order of `waiting`, given
   * only when every `lineAt` and the instant now are in toISOString's short form, where numbers
   * order as the texts do: due is then a test of numbers (issue 12's second round: the dry run
   * reads each ticket once, the policy read and compared texts at each of its calls).
   */
  lineMs?: readonly number[];
}

/** Picks the next ticket for a counter, or undefined when it has nobody to call. Pure. */
export type CallingPolicy = (view: QueueView) => Ticket | undefined;

/**
 * Whether `counter` may call `ticket`: it has the skill, and a ticket sent to one counter
 * waits for that counter while it is open.
 */
export function eligible(ticket: Ticket, view: Pick<QueueView, 'counter' | 'counters'>): boolean {
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
 * The default policy's bounds in minutes on the clock. The tail of the waits is absolute
 * minutes, so bounds relative to a service's target alone let a service with a long target
 * wait far longer than FIFO would (issue 14: 41.9 vs 30.1 min on the realistic day).
 */
export const POLICY_BOUNDS = {
  // The day's hard limit (a wait that goes before everything, bookings included) is the
  // branch's setting `hardWaitMinutes` (35 by default): branches past capacity trade it.
  /** The starvation bound never exceeds this, whatever `starvationFactor` × the target says. */
  starvationCapMinutes: 20,
  /** Lateness is counted against the target, but never against more than this many minutes. */
  latenessScaleMinutes: 10,
  /** A booked visit is promised a call within this many minutes of its time. */
  bookedGraceMinutes: 5,
  /** A due booked visit jumps starving and priority tickets once it has waited this long. */
  bookedJumpAfterMinutes: 1,
} as const;

/**
 * The due tickets of one policy call with the numbers the steps below read, each computed once
 * per ticket (issue 12: the hard bound, the bookings on time, the starvation bound and the class
 * order each parsed the line position and read the target again, hundreds of times per issued
 * ticket in the wait estimate's dry run). Parallel lists, so a call allocates no object per ticket.
 */
interface Due {
  /** How many of the lists' entries are this call's (the rest are an earlier call's). */
  count: number;
  tickets: Ticket[];
  /** Each ticket's line position in milliseconds. */
  lineMs: number[];
  /** Minutes each has waited (as {@link waitedMinutes}). */
  waited: number[];
  /** Each one's target wait in minutes (read once the bounds before it have not applied). */
  targets: number[];
}

/**
 * The lists every call fills from the start, so a call allocates none (issue 12's second round:
 * the wait estimate's dry run calls the policy ~200 times per issued ticket with two tickets or
 * so, and making the lists was much of a call). A call never runs inside another.
 */
const due: Due = { count: 0, tickets: [], lineMs: [], waited: [], targets: [] };

/**
 * Minutes waited as the bounds count them: a priority client's count double, so the bounds
 * reach them at half the wait (at a peak many wait past a bound, and among them priority
 * clients would otherwise wait as long as everyone).
 */
function boundWait(t: Ticket, waited: number): number {
  return waited * (t.priority === null ? 1 : 2);
}

/** A booked visit due for 1–5 minutes (the bookings-on-time step). */
function bookedOnTime(t: Ticket, waited: number): boolean {
  return (
    isBooked(t) &&
    waited >= POLICY_BOUNDS.bookedJumpAfterMinutes &&
    waited <= POLICY_BOUNDS.bookedGraceMinutes
  );
}

/**
 * The first two steps: the due ticket with the longest bound wait of those at the hard bound,
 * else of the bookings on time; of equals the first in line. One pass for both (issue 12's
 * second round: a pass per step, each calling its test as a closure, showed in the profile).
 */
function boundPick(due: Due, hardWaitMinutes: number): Ticket | undefined {
  let hard: Ticket | undefined;
  let hardWait = 0;
  let booked: Ticket | undefined;
  let bookedWait = 0;
  for (let i = 0; i < due.count; i += 1) {
    const t = due.tickets[i]!;
    const waited = due.waited[i]!;
    const w = boundWait(t, waited);
    if (w >= hardWaitMinutes) {
      if (hard === undefined || (hardWait - w || byLine(t, hard)) < 0) {
        hard = t;
        hardWait = w;
      }
    }
    if (bookedOnTime(t, waited)) {
      if (booked === undefined || (bookedWait - w || byLine(t, booked)) < 0) {
        booked = t;
        bookedWait = w;
      }
    }
  }
  return hard ?? booked;
}

/**
 * The default policy. In order:
 * 1. hard bound: a ticket that has waited the settings' `hardWaitMinutes` (35) goes first
 *    (longest first), bookings included, so a day past capacity keeps its longest wait near it;
 * 2. bookings on time: a booked visit due for 1–5 minutes goes next (earliest booked time
 *    first); within its first minute it waits for its turn in its class, so walk-ins that
 *    starve get the counters that free up first and the promise of 5 minutes still holds;
 * 3. starvation bound: a ticket that has waited `starvationFactor` × its target, or 20 minutes
 *    if that is less, goes next (most overdue first);
 * 4. mixing: after `regularPerPriority` regular calls a waiting priority ticket is taken;
 *    otherwise regular tickets first (priority ones still go when no regular one waits);
 * 5. within the chosen class: tickets sent to this counter at the front of its line, booked
 *    visits due (by booked time), then everyone else by lateness against the service's target
 *    (at most 10 minutes), the skill weight breaking near-ties.
 * The bounds (1 and 3) count a priority client's minutes double.
 * 6. look-ahead (when the view has one): before starting the walk-in step 4–5 chose, the counter
 *    plans the checked-in booked visits due before it would be free again onto every counter's
 *    expected free time; a visit no counter reaches by its time is called now, early if need be
 *    ({@link bookedToCallNow}). Starving tickets (1, 3) are never put off for it.
 * Bookings not yet due are otherwise called only when nothing else waits for the counter.
 */
export const defaultPolicy: CallingPolicy = (view) => {
  const { settings, waiting, lineMs: known } = view;
  const nowMs = view.nowMs ?? view.now.getTime();
  // The text of now only when due is a test of texts (see QueueView.lineMs).
  const nowIso = known ? '' : (view.nowIso ?? view.now.toISOString());
  // The earliest line position among the candidates, the first of equals (as a stable sort).
  let earliest: Ticket | undefined;
  let n = 0;
  for (let i = 0; i < waiting.length; i += 1) {
    const t = waiting[i]!;
    if (t.state !== 'waiting' || !eligible(t, view)) continue;
    if (known ? known[i]! <= nowMs : t.lineAt <= nowIso) {
      const lineMs = known ? known[i]! : msOf(t.lineAt);
      due.tickets[n] = t;
      due.lineMs[n] = lineMs;
      // As minutesBetween(t.lineAt, now), without reading either instant again.
      due.waited[n] = (nowMs - lineMs) / 60_000;
      n += 1;
    } else if (!earliest || t.lineAt < earliest.lineAt) earliest = t;
  }
  due.count = n;
  if (n === 0) return earliest;
  // A sole due ticket is what every step below picks, the look-ahead aside (the dry run's
  // counters are offered one ticket at a quarter of their calls).
  if (n === 1 && !view.lookAhead) return due.tickets[0];

  const bound = boundPick(due, settings.hardWaitMinutes);
  if (bound) return bound;

  // Each due ticket's target, read once for the starvation bound and the lateness order.
  const targets = due.targets;
  for (let i = 0; i < n; i += 1) targets[i] = target(due.tickets[i]!, view);
  // Most overdue first; of equals the first in line (as the stable sort this replaced).
  let starving: Ticket | undefined;
  let mostOver = 1;
  for (let i = 0; i < n; i += 1) {
    const t = due.tickets[i]!;
    const o =
      boundWait(t, due.waited[i]!) /
      Math.min(settings.starvationFactor * targets[i]!, POLICY_BOUNDS.starvationCapMinutes);
    if (o > mostOver || (o >= 1 && starving === undefined)) {
      starving = t;
      mostOver = o;
    }
  }
  if (starving) return starving;

  const pick = mixedPick(view, nowMs, due);
  return lookAheadPick(view, pick) ?? pick;
};

/**
 * A skill's weight in the lateness order (its 0.1th power), kept: the same few weights recur and
 * the power cost four times the lookup in the dry run's profile (issue 12).
 */
const skillWeights = new Map<number, number>();
function skillWeight(skill: number): number {
  let w = skillWeights.get(skill);
  if (w === undefined) skillWeights.set(skill, (w = skill ** 0.1));
  return w;
}

/**
 * Priority mixing, then the class order: the pick when no bound applies.
 *
 * Order within a class: tickets for this counter placed at the front, booked visits due, then
 * lateness. A ticket sent to this counter "at the end" (its line position is behind someone
 * else in the pool) queues by lateness like everyone else, so it is not served first. Each
 * ticket's key is a class and a value; keys compare by class, then value, then {@link byLine}
 * (a total order, so the first in one pass is the first of a sort; issue 12).
 */
function mixedPick(view: QueueView, nowMs: number, due: Due): Ticket | undefined {
  const { count, tickets, lineMs, waited, targets } = due;
  const { counter } = view;
  let priorities = 0;
  for (let i = 0; i < count; i += 1) if (tickets[i]!.priority !== null) priorities += 1;
  const takePriority =
    priorities > 0 &&
    (priorities === count || view.regularSincePriority >= view.settings.regularPerPriority);
  // The pool: every due ticket, or only the priority or only the regular ones. (A test, not
  // a closure: tsx names each closure made, which showed in the profile.)
  const mixed = priorities !== 0 && priorities !== count;

  let firstOther = '\uffff';
  for (let i = 0; i < count; i += 1) {
    const t = tickets[i]!;
    if (
      (!mixed || (t.priority !== null) === takePriority) &&
      t.targetCounterId !== counter.id &&
      t.lineAt < firstOther
    )
      firstOther = t.lineAt;
  }

  let best: Ticket | undefined;
  let bestClass = 0;
  let bestValue = 0;
  for (let i = 0; i < count; i += 1) {
    const t = tickets[i]!;
    if (mixed && (t.priority !== null) !== takePriority) continue;
    let cls: number;
    let value: number;
    if (t.targetCounterId === counter.id && t.lineAt <= firstOther) {
      cls = 0;
      value = lineMs[i]!;
    } else if (isBooked(t) && lineMs[i]! <= nowMs) {
      // A booked visit's line position is its booked time.
      cls = 1;
      value = lineMs[i]!;
    } else {
      // Lateness against the service's target, but a long target counts as the scale: minutes
      // waited rank tickets almost as FIFO does (which bounds the tail), a short target ranks
      // its tickets earlier. The skill weight only breaks near-ties (a weight of 3 is worth 12 %
      // more lateness): as a factor of 3 it kept secondary skills' tickets waiting for minutes.
      const weight = skillWeight(counter.skills[t.serviceId] ?? 1);
      const scale = Math.min(targets[i]!, POLICY_BOUNDS.latenessScaleMinutes);
      const lateness = (Math.max(waited[i]!, 0) + 0.01) / scale;
      cls = 2;
      value = -weight * lateness;
    }
    if (best === undefined || (cls - bestClass || value - bestValue || byLine(t, best)) < 0) {
      best = t;
      bestClass = cls;
      bestValue = value;
    }
  }
  return best;
}

/** The booked visit the look-ahead makes this counter call instead of `pick`, if any. */
function lookAheadPick(view: QueueView, pick: Ticket | undefined): Ticket | undefined {
  // Without a look-ahead (the wait estimate's dry run has none) nothing below can apply.
  if (!pick || isBooked(pick) || !view.lookAhead) return undefined;
  // No visit lasts longer than MAX_SERVICE_MINUTES, so later bookings cannot be at stake; the
  // look-ahead (which scans the counters) is read only when one is near.
  const near = addMinutes(view.now, MAX_SERVICE_MINUTES);
  const booked = view.waiting.filter(
    (t) => t.state === 'waiting' && isBooked(t) && t.lineAt <= near,
  );
  const lookAhead = booked.length > 0 ? view.lookAhead : undefined;
  if (!lookAhead) return undefined;
  return bookedToCallNow({
    now: view.now,
    counter: view.counter,
    counters: view.counters.values(),
    booked,
    lookAhead,
    canServe: (t, c) => eligible(t, { counter: c, counters: view.counters }),
    otherMinutes: lookAhead.serviceMinutes.get(pick.serviceId) ?? DEFAULT_SERVICE_MINUTES,
    graceMinutes: POLICY_BOUNDS.bookedGraceMinutes,
  });
}

/** Plain first-come first-served by line position: the baseline the default is measured against. */
export const fifoPolicy: CallingPolicy = (view) => {
  const nowIso = view.nowIso ?? view.now.toISOString();
  let first: Ticket | undefined;
  for (const t of view.waiting)
    if (t.state === 'waiting' && t.lineAt <= nowIso && eligible(t, view))
      if (!first || byLine(t, first) < 0) first = t;
  return first;
};
