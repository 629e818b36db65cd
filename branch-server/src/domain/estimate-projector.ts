import type { Counter, Ticket } from '@skr/protocol';
import { DryRun, freeSlots } from './estimate-dry-run';
import { runIndex } from './estimate-fronts';
import { byLine } from './line-order';
import {
  callOf,
  ownTicket,
  projectCall,
  type BranchLoad,
  type ProjectedTicket,
  type ProjectionRules,
} from './estimate-projection';

// The wait estimate's dry run kept between tickets (issue 12: it was ~85 % of an issue's CPU).
// A walk-in joins behind every ticket of its run (its service, priority or not), and the
// calling policies see only each run's front, so until its run has emptied the new ticket
// changes nothing: the dry run of the branch without it, saved at the moment each run empties,
// is resumed from its run's moment with the ticket added. The branch's own run ("frontier")
// goes only as far as some estimate needed, and when the estimated ticket then joins for real,
// only what came after its run emptied is run again. Every answer equals projectCall's.

/** A saved moment of the branch's dry run: after `step` calls. */
interface Moment {
  step: number;
  run: DryRun;
}

/** The branch's dry run for one state (`version`), as far as estimates needed it. */
interface Base {
  version: number;
  at: number;
  /** The load's parts a version might not cover (changed in place or read each time). */
  load: BranchLoad;
  counters: readonly Counter[];
  slots: readonly { id: number; at: number }[];
  expected: readonly { serviceId: string; bookedFor: string }[];
  start: DryRun;
  frontier: Moment;
  /** The moment each walk-in run (key `service:index`) was empty, once the frontier passed it. */
  emptied: Map<string, Moment>;
  /** The frontier met the horizon (ms) or ran out of counters ('done'). */
  stopped?: number | 'done';
}

/** The load's inputs besides tickets and the clock: the same objects and numbers. */
function sameInputs(a: BranchLoad, b: BranchLoad): boolean {
  return (
    a.policy === b.policy &&
    a.durations === b.durations &&
    a.services === b.services &&
    a.settings === b.settings &&
    a.callMinutes === b.callMinutes &&
    a.regularSincePriority === b.regularSincePriority
  );
}

const runKey = (serviceId: string, index: number) => `${serviceId}:${index}`;

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

/**
 * Wait estimates for one branch, equal to {@link projectCall}'s and cheap during a burst of
 * walk-ins. `version` identifies the branch's state: any change to it must change the version,
 * and {@link joined} tells of the one change that keeps the saved dry run.
 */
export class EstimateProjector {
  private base: Base | undefined;

  /** Estimates the ticket's call in the branch at `version` (see projectCall). */
  project(
    load: BranchLoad,
    ticket: ProjectedTicket,
    rules: ProjectionRules,
    version: number,
  ): number | undefined {
    // A booked visit keeps its place by its booked time, not at the end: no shortcut.
    if (ticket.booked) return projectCall(load, ticket, rules);
    const base = this.baseFor(load, rules, version);
    if (!base.start.serves(ticket.serviceId)) return undefined;
    const own = ownTicket(ticket);
    const key = runKey(own.serviceId, runIndex(own));
    const at = load.at.getTime();
    const horizon = Math.max(at, ticket.lineAt.getTime()) + rules.horizonMinutes * 60_000;
    const run = base.start.fronts.existing(own.serviceId, runIndex(own));
    const last = run?.items[run.items.length - 1];
    // The shortcut holds only for a ticket behind everyone in its run (ties sort by id, and
    // the estimated ticket's id sorts first), of a service the saved runs know.
    if (!run || (last && last.lineAt >= own.lineAt)) return projectCall(load, ticket, rules);
    const moment = base.start.fronts.empty(run)
      ? { step: 0, run: base.start }
      : this.advance(base, key, horizon);
    if (moment === 'horizon') return rules.horizonMinutes;
    if (moment === 'done') return undefined;
    const fork = moment.run.copy();
    fork.fronts.setTail(fork.fronts.run(own.serviceId, runIndex(own)), own);
    return callOf(fork, own, at, rules);
  }

  /**
   * A walk-in `ticket` joined the branch, which went from `from` to `to`; nothing else changed.
   * The saved dry run is kept if it was of `from` (else it is dropped at the next estimate).
   */
  joined(ticket: Ticket, from: number, to: number): void {
    const base = this.base;
    if (!base || base.version !== from) return;
    this.base = undefined;
    if (ticket.state !== 'waiting' || ticket.targetCounterId !== null || runIndex(ticket) > 1)
      return;
    const index = runIndex(ticket);
    const run = base.start.fronts.existing(ticket.serviceId, index);
    const last = run?.items[run.items.length - 1];
    if (!run || (last && byLine(last, ticket) >= 0)) return;
    const key = runKey(ticket.serviceId, index);
    const emptied =
      base.emptied.get(key) ??
      (base.start.fronts.empty(run) ? { step: 0, run: base.start } : undefined);
    // Every saved moment shares the run's list: the ticket is behind them all, unseen until its
    // run empties, so only the moments after that are wrong now.
    run.push(ticket);
    if (emptied) {
      for (const [k, m] of base.emptied)
        if (m.step >= emptied.step && m !== emptied) base.emptied.delete(k);
      base.emptied.delete(key);
      base.frontier = { step: emptied.step, run: emptied.run.copy() };
      base.stopped = undefined;
    }
    base.version = to;
    this.base = base;
  }

  /** The saved dry run if it is of this state and moment, else a new one. */
  private baseFor(load: BranchLoad, rules: ProjectionRules, version: number): Base {
    const counters = [...load.counters.values()];
    const free = freeSlots(load, rules);
    const slots = free.map((s) => ({ id: s.counter.id, at: s.at }));
    const expected = load.expectedBookings ?? [];
    const at = load.at.getTime();
    const b = this.base;
    // The counters' free times are all the dry run takes from the clock (calls are at those
    // times), so a later moment with the same free times and bookings runs the same.
    if (
      b &&
      b.version === version &&
      b.at <= at &&
      sameInputs(b.load, load) &&
      sameList(b.counters, counters, (x, y) => x === y) &&
      sameList(b.slots, slots, (x, y) => x.id === y.id && x.at === y.at) &&
      sameList(
        b.expected,
        expected,
        (x, y) => x.serviceId === y.serviceId && x.bookedFor === y.bookedFor,
      )
    )
      return b;
    // The free times just read, not read again (the dry run moves them on; `slots` is a copy).
    const start = DryRun.start(load, rules, [], free);
    this.base = {
      version,
      at,
      load,
      counters,
      slots,
      expected,
      start,
      frontier: { step: 0, run: start.copy() },
      emptied: new Map(),
    };
    return this.base;
  }

  /** Runs the frontier until the run `key` empties; 'horizon' if the call is past `horizon`. */
  private advance(base: Base, key: string, horizon: number): Moment | 'horizon' | 'done' {
    for (;;) {
      const found = base.emptied.get(key);
      if (found) return found;
      if (base.stopped === 'done') return 'done';
      if (base.stopped !== undefined && base.stopped >= horizon) return 'horizon';
      const f = base.frontier;
      const s = f.run.step(horizon);
      if (s.kind === 'horizon') {
        base.stopped = horizon;
        return 'horizon';
      }
      if (s.kind === 'done') {
        base.stopped = 'done';
        return 'done';
      }
      if (s.kind !== 'called') continue;
      f.step += 1;
      const t = s.ticket;
      if (s.run && f.run.fronts.empty(s.run) && t.targetCounterId === null && runIndex(t) <= 1)
        base.emptied.set(runKey(t.serviceId, runIndex(t)), { step: f.step, run: f.run.copy() });
    }
  }
}
