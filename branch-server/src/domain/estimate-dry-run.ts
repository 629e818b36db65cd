import type { Counter, Ticket } from '@skr/protocol';
import type { BranchLoad, ProjectionRules } from './estimate-projection';
import { Fronts, servicesOf, type Run } from './estimate-fronts';
import { StepView, timeClip } from './estimate-step-view';
import { isShortFormMs, msOf } from './time';

// The machinery of the wait estimate's dry run (estimate-projection.ts): the waiting tickets in
// runs (estimate-fronts.ts), the counters' expected free times, and one call at a time by the
// branch's policy. A dry run can be copied cheaply (copies share the runs' ticket lists and keep
// only their places in them), so it can be resumed from a saved moment (estimate-projector.ts).

/** A counter in the dry run and when it is next free (ms). */
interface Slot {
  counter: Counter;
  at: number;
}

/** A step that called `ticket` at `at` (ms) from `run` (none if the ticket was targeted). */
interface Called {
  kind: 'called';
  ticket: Ticket;
  at: number;
  run: Run | undefined;
}

/**
 * What one step of a dry run did. A dry run answers its calls in one object it refills (issue
 * 12's second round): read a step's answer before the next step.
 */
export type Step = Readonly<Called> | { kind: 'waited' } | { kind: 'horizon' } | { kind: 'done' };

const WAITED: Step = { kind: 'waited' };
const HORIZON: Step = { kind: 'horizon' };
const DONE: Step = { kind: 'done' };

/** The counters' free times at the load's moment: open counters with a skill, in map order. */
export function freeSlots(load: BranchLoad, rules: ProjectionRules): Slot[] {
  const at = load.at.getTime();
  const hands = new Map<number | null, Ticket>();
  for (const t of load.inHand) hands.set(t.counterId, t);
  const free: Slot[] = [];
  for (const c of load.counters.values()) {
    if (c.state !== 'open' || servicesOf(c.skills).length === 0) continue;
    const hand = hands.get(c.id);
    let until = at;
    if (hand?.calledAt) {
      // Read through msOf's cache: the same few call times at every issue (issue 12's second
      // round).
      const since = msOf(hand.calledAt);
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
  /** The policy's view of this dry run's steps, made at the first step (see StepView). */
  private view: StepView | undefined;
  /** The answer of the steps that call, made at the first (see {@link Step}). */
  private called: Called | undefined;

  private constructor(
    private readonly load: BranchLoad,
    private readonly rules: ProjectionRules,
    readonly fronts: Fronts,
    /** The counters still in the dry run, in map order. */
    private readonly counters: Counter[],
    /**
     * When each of `counters` is next free (ms), a list of numbers alone (which V8 keeps unboxed):
     * finding the first free counter is a scan at every step (issue 12's second round: over
     * objects it was the hottest loop of a dry run).
     */
    private readonly ats: number[],
    /** How many of `counters` and `ats` are still in the dry run. */
    private count: number,
    private regularSincePriority: number,
  ) {}

  /** The dry run at the load's moment; `extra` waits too (the estimated ticket). */
  static start(
    load: BranchLoad,
    rules: ProjectionRules,
    extra: readonly Ticket[] = [],
    free: Slot[] = freeSlots(load, rules),
  ): DryRun {
    const fronts = new Fronts(
      extra.length === 0 ? load.waiting : [...load.waiting, ...extra],
      load.expectedBookings ?? [],
      load.services.keys(),
    );
    return new DryRun(
      load,
      rules,
      fronts,
      free.map((s) => s.counter),
      free.map((s) => s.at),
      free.length,
      load.regularSincePriority,
    );
  }

  /** A copy that goes on independently. */
  copy(): DryRun {
    return new DryRun(
      this.load,
      this.rules,
      this.fronts.copy(),
      this.counters.slice(),
      this.ats.slice(),
      this.count,
      this.regularSincePriority,
    );
  }

  /** Whether an open counter serves the service at all. */
  serves(serviceId: string): boolean {
    for (let i = 0; i < this.count; i += 1)
      if (this.counters[i]!.skills[serviceId] !== undefined) return true;
    return false;
  }

  /** The next call of the counter free first, unless it is past `limit` (ms). */
  step(limit: number): Step {
    const { counters, ats, load } = this;
    const n = this.count;
    if (n === 0) return DONE;
    let i = 0;
    for (let j = 1; j < n; j += 1)
      if (ats[j]! < ats[i]! || (ats[j] === ats[i] && counters[j]!.id < counters[i]!.id)) i = j;
    const counter = counters[i]!;
    const slotAt = ats[i]!;
    if (slotAt > limit) return HORIZON;
    // The step's instant without a Date: `new Date(slotAt)` dropped the fraction of a
    // millisecond that `slotAt` may have, and so does timeClip. The text of the instant is
    // made only if read (issue 12 made it once per step instead of at each policy call).
    const view = (this.view ??= new StepView(counter, load.services, load.counters, load.settings));
    view.at(timeClip(slotAt));
    view.counter = counter;
    view.regularSincePriority = this.regularSincePriority;
    const short = this.fronts.offer(counter.skills, view);
    // With every text in the short form, numbers order as the texts do (see shortIsoMs).
    view.lineMs = short && isShortFormMs(view.nowMs) ? view.offeredMs : undefined;
    const next = load.policy(view);
    if (!next) {
      // Nothing due for this counter: it waits for the next ticket it may serve to become due,
      // or leaves the dry run (walk-ins yet to come are not foreseen).
      const wake = this.fronts.wake(counter.skills, view.nowIso);
      if (wake !== Infinity) ats[i] = wake;
      else {
        // Out of the dry run: the rest move up, in order.
        counters.copyWithin(i, i + 1, n);
        ats.copyWithin(i, i + 1, n);
        this.count = n - 1;
      }
      return WAITED;
    }
    const run = this.fronts.take(next);
    this.regularSincePriority = next.priority === null ? this.regularSincePriority + 1 : 0;
    const minutes = run
      ? (run.minutes ??= this.rules.typicalMinutes(next.serviceId))
      : this.rules.typicalMinutes(next.serviceId);
    ats[i] = slotAt + (load.callMinutes + minutes) * 60_000;
    const called = this.called;
    if (!called) return (this.called = { kind: 'called', ticket: next, at: slotAt, run });
    called.ticket = next;
    called.at = slotAt;
    called.run = run;
    return called;
  }
}
