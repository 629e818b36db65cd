import type { Counter, Ticket } from '@skr/protocol';
import type { BranchLoad, ProjectionRules } from './estimate-projection';
import { byLine, textOrder } from './line-order';
import { NOT_CALLED_YET } from './ticket-lifecycle';
import { isoOf } from './time';

// The machinery of the wait estimate's dry run (estimate-projection.ts): the waiting tickets in
// runs, the counters' expected free times, and one call at a time by the branch's policy. A run
// can be copied cheaply (runs share their ticket lists and keep only their heads), so a dry run
// can be resumed from a saved moment (estimate-projector.ts).

/** Whether a ticket holds its place by a booked time (the calling policies' own test). */
function isBooked(t: Ticket): boolean {
  return t.bookedFor !== null && t.lineAt === t.bookedFor;
}

/** A waiting ticket that is not in the store: the new one, or a booking not checked in yet. */
export function virtualTicket(
  id: string,
  serviceId: string,
  lineAt: string,
  booked: boolean,
): Ticket {
  return {
    id,
    number: id,
    serviceId,
    day: lineAt.slice(0, 10),
    state: 'waiting',
    priority: null,
    bookingCode: booked ? id : null,
    bookedFor: booked ? lineAt : null,
    lang: 'pl',
    issuedAt: lineAt,
    lineAt,
    ...NOT_CALLED_YET,
  };
}

/**
 * One run of tickets that every policy we run orders by line position: one service, booked or
 * not, priority or not. The default policy's keys (bound wait, lateness, booked time), FIFO and
 * the Novo-SGA-like ordering are all monotone in the line position within a run, so a counter
 * only needs each run's front. Booked visits not checked in yet merge into their service's
 * booked run and become tickets only when they reach its front (hundreds are known each day).
 * `items` and `expected` may be shared by copies of a run; only the heads are a copy's own.
 */
class Run {
  head = 0;
  expectedHead = 0;
  private virtual: Ticket | undefined;
  /** A ticket behind every item, a copy's own (the estimated ticket of a resumed dry run). */
  tail: Ticket | undefined;

  constructor(
    readonly items: Ticket[] = [],
    readonly expected: { serviceId: string; bookedFor: string }[] = [],
  ) {}

  copy(): Run {
    const r = new Run(this.items, this.expected);
    r.head = this.head;
    r.expectedHead = this.expectedHead;
    r.virtual = this.virtual;
    r.tail = this.tail;
    return r;
  }

  private peek(): Ticket | undefined {
    return this.head < this.items.length ? this.items[this.head] : this.tail;
  }

  /** No ticket left (booked visits not checked in aside). */
  empty(): boolean {
    return this.peek() === undefined;
  }

  /** The run's first ticket; a booked visit not checked in only once due. */
  front(now: string): Ticket | undefined {
    const a = this.peek();
    const e = this.expected[this.expectedHead];
    if (!e || e.bookedFor > now || (a && a.lineAt <= e.bookedFor)) return a;
    this.virtual ??= virtualTicket(
      `\u0000booking:${e.serviceId}:${this.expectedHead}`,
      e.serviceId,
      e.bookedFor,
      true,
    );
    return this.virtual;
  }

  /** The earliest line position after `now` among the run's heads (ms), or Infinity. */
  next(now: string): number {
    const a = this.peek();
    const e = this.expected[this.expectedHead];
    let min = Infinity;
    if (a && a.lineAt > now) min = Date.parse(a.lineAt);
    if (e && e.bookedFor > now) min = Math.min(min, Date.parse(e.bookedFor));
    return min;
  }

  take(t: Ticket): void {
    if (t === this.virtual) {
      this.expectedHead += 1;
      this.virtual = undefined;
    } else if (this.head < this.items.length) this.head += 1;
    else this.tail = undefined;
  }

  sort(): void {
    // The lists usually come in order, so a check spares most sorts.
    if (!sorted(this.items, byLine)) this.items.sort(byLine);
    if (!sorted(this.expected, byTime)) this.expected.sort(byTime);
  }
}

function byTime(a: { bookedFor: string }, b: { bookedFor: string }): number {
  return textOrder(a.bookedFor, b.bookedFor);
}

function sorted<T>(list: readonly T[], order: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i += 1) if (order(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/** Each counter's services, read once: the dry run asks for them at every call. */
const skillIds = new WeakMap<Readonly<Record<string, number>>, string[]>();

/** The services a counter with these skills serves (the list is kept per skills object). */
export function servicesOf(skills: Readonly<Record<string, number>>): string[] {
  let ids = skillIds.get(skills);
  if (!ids) skillIds.set(skills, (ids = Object.keys(skills)));
  return ids;
}

/** A run's index among its service's four: booked × 2 + priority. */
export function runIndex(t: Ticket): number {
  return (isBooked(t) ? 2 : 0) + (t.priority !== null ? 1 : 0);
}

/** The branch's waiting tickets in runs per service; tickets sent to one counter kept aside. */
export class Fronts {
  private readonly runs = new Map<string, Run[]>();
  private targeted: Ticket[] = [];

  constructor(
    tickets: readonly Ticket[] = [],
    expected: readonly { serviceId: string; bookedFor: string }[] = [],
    serviceIds: Iterable<string> = [],
  ) {
    // Runs made now are shared by every copy; one made later would be a copy's own.
    for (const id of serviceIds) this.run(id, 0);
    for (const t of tickets) {
      if (t.state !== 'waiting') continue;
      if (t.targetCounterId !== null) this.targeted.push(t);
      else this.run(t.serviceId, runIndex(t)).items.push(t);
    }
    for (const b of expected) this.run(b.serviceId, 2).expected.push(b);
    for (const runs of this.runs.values()) for (const r of runs) r.sort();
  }

  /** A copy whose heads move on their own (the ticket lists are shared). */
  copy(): Fronts {
    const f = new Fronts();
    for (const [id, runs] of this.runs)
      f.runs.set(
        id,
        runs.map((r) => r.copy()),
      );
    f.targeted = [...this.targeted];
    return f;
  }

  /** The run of one service and index (see {@link runIndex}) if the service has runs. */
  existing(serviceId: string, index: number): Run | undefined {
    return this.runs.get(serviceId)?.[index];
  }

  /** The run of one service and index (see {@link runIndex}), made empty if new. */
  run(serviceId: string, index: number): Run {
    let runs = this.runs.get(serviceId);
    if (!runs) this.runs.set(serviceId, (runs = [new Run(), new Run(), new Run(), new Run()]));
    return runs[index]!;
  }

  /** The front of each run a counter with these skills may serve, and the targeted tickets. */
  offer(skills: Readonly<Record<string, number>>, now: string): Ticket[] {
    const out = this.targeted.length === 0 ? [] : [...this.targeted];
    for (const serviceId of servicesOf(skills)) {
      for (const run of this.runs.get(serviceId) ?? []) {
        const head = run.front(now);
        if (head) out.push(head);
      }
    }
    return out;
  }

  /** When something next joins these skills' runs after `now` (ms), or Infinity. */
  wake(skills: Readonly<Record<string, number>>, now: string): number {
    let min = Infinity;
    for (const serviceId of servicesOf(skills))
      for (const run of this.runs.get(serviceId) ?? []) min = Math.min(min, run.next(now));
    return min;
  }

  /** Takes a called ticket out of its run; answers the run it left (none if targeted). */
  take(t: Ticket): Run | undefined {
    if (t.targetCounterId !== null) {
      this.targeted.splice(this.targeted.indexOf(t), 1);
      return undefined;
    }
    const run = this.runs.get(t.serviceId)![runIndex(t)]!;
    run.take(t);
    return run;
  }
}

/** A counter in the dry run and when it is next free (ms). */
interface Slot {
  counter: Counter;
  at: number;
}

/** What one step of a dry run did. */
export type Step =
  | { kind: 'called'; ticket: Ticket; at: number; run: Run | undefined }
  | { kind: 'waited' }
  | { kind: 'horizon' }
  | { kind: 'done' };

/** The counters' free times at the load's moment: open counters with a skill, in map order. */
export function freeSlots(load: BranchLoad, rules: ProjectionRules): Slot[] {
  const at = load.at.getTime();
  const hands = new Map(load.inHand.map((t) => [t.counterId, t]));
  const free: Slot[] = [];
  for (const c of load.counters.values()) {
    if (c.state !== 'open' || servicesOf(c.skills).length === 0) continue;
    const hand = hands.get(c.id);
    let until = at;
    if (hand?.calledAt) {
      const since = Date.parse(hand.calledAt);
      const elapsed = (at - since) / 60_000;
      // A ticket far past any real service is forgotten "in service" (issue 12): its counter
      // is as good as free; an overrun one is expected to end any moment.
      if (elapsed <= rules.stuckMinutes)
        until = Math.max(
          at,
          since + (load.callMinutes + rules.typicalMinutes(hand.serviceId)) * 60_000,
        );
    }
    free.push({ counter: c, at: until });
  }
  return free;
}

/** The counters calling one ticket at a time by the branch's policy, from a moment on. */
export class DryRun {
  private constructor(
    private readonly load: BranchLoad,
    private readonly rules: ProjectionRules,
    readonly fronts: Fronts,
    readonly free: Slot[],
    private regularSincePriority: number,
  ) {}

  /** The dry run at the load's moment; `extra` waits too (the estimated ticket). */
  static start(load: BranchLoad, rules: ProjectionRules, extra: readonly Ticket[] = []): DryRun {
    const fronts = new Fronts(
      [...load.waiting, ...extra],
      load.expectedBookings ?? [],
      load.services.keys(),
    );
    return new DryRun(load, rules, fronts, freeSlots(load, rules), load.regularSincePriority);
  }

  /** A copy that goes on independently. */
  copy(): DryRun {
    const free = this.free.map((s) => ({ ...s }));
    return new DryRun(this.load, this.rules, this.fronts.copy(), free, this.regularSincePriority);
  }

  /** Whether an open counter serves the service at all. */
  serves(serviceId: string): boolean {
    return this.free.some((f) => f.counter.skills[serviceId] !== undefined);
  }

  /** The next call of the counter free first, unless it is past `limit` (ms). */
  step(limit: number): Step {
    const { free, load } = this;
    if (free.length === 0) return { kind: 'done' };
    let i = 0;
    for (let j = 1; j < free.length; j += 1) {
      const a = free[j]!;
      const b = free[i]!;
      if (a.at < b.at || (a.at === b.at && a.counter.id < b.counter.id)) i = j;
    }
    const slot = free[i]!;
    if (slot.at > limit) return { kind: 'horizon' };
    // The step's instant as text once, for the runs' fronts and the policy alike (formatting it
    // with toISOString at each policy call was a large part of a step; issue 12). From the Date,
    // which drops the fraction of a millisecond that `slot.at` may have.
    const now = new Date(slot.at);
    const nowIso = isoOf(now.getTime());
    const next = load.policy({
      now,
      nowIso,
      counter: slot.counter,
      waiting: this.fronts.offer(slot.counter.skills, nowIso),
      services: load.services,
      counters: load.counters,
      settings: load.settings,
      regularSincePriority: this.regularSincePriority,
    });
    if (!next) {
      // Nothing due for this counter: it waits for the next ticket it may serve to become due,
      // or leaves the dry run (walk-ins yet to come are not foreseen).
      const wake = this.fronts.wake(slot.counter.skills, nowIso);
      if (wake === Infinity) free.splice(i, 1);
      else slot.at = wake;
      return { kind: 'waited' };
    }
    const at = slot.at;
    const run = this.fronts.take(next);
    this.regularSincePriority = next.priority === null ? this.regularSincePriority + 1 : 0;
    slot.at += (load.callMinutes + this.rules.typicalMinutes(next.serviceId)) * 60_000;
    return { kind: 'called', ticket: next, at, run };
  }
}
