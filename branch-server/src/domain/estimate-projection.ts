import type { Counter, QueueSettings, Service, Ticket } from '@skr/protocol';
import type { CallingPolicy } from './calling-policy';
import { DryRun } from './estimate-dry-run';
import { virtualTicket } from './estimate-fronts';
import type { QueueState } from './queue-state';
import { msOf } from './time';

// The wait estimate as a dry run of the branch (issue 14): the counters free up at their
// expected times and each calls what the branch's own calling policy would call, until the new
// ticket's turn comes. Counting only the people ahead in one line missed what decides a wait at
// a peak: booked visits due before the ticket is reached go first, priority clients are mixed
// in, and the counters a line shares with other lines serve whoever waited longest there.

/** The branch as the dry run reads it at one moment; pure data, the caller gathers it. */
export interface BranchLoad {
  /** The moment the counters' state was read (the clock, not the ticket's line position). */
  at: Date;
  /** Every waiting ticket of the branch, any service. */
  waiting: readonly Ticket[];
  /** Tickets called or being served, with their counter. */
  inHand: readonly Ticket[];
  /** Recent service durations per service in minutes, newest last. */
  durations: ReadonlyMap<string, readonly number[]>;
  /** Mean minutes from a call to the client at the counter (the walk). */
  callMinutes: number;
  services: ReadonlyMap<string, Service>;
  counters: ReadonlyMap<number, Counter>;
  settings: QueueSettings;
  regularSincePriority: number;
  /** The policy the counters call by. */
  policy: CallingPolicy;
  /**
   * Booked visits not checked in yet, due at or after `at` (the calendar knows them): each is
   * counted as due at its time. `bookedFor` is ISO text as `toISOString` writes it.
   */
  expectedBookings?: readonly { serviceId: string; bookedFor: string }[];
}

/** Minutes from a call to the client at the counter assumed before any call today. */
export const DEFAULT_CALL_MINUTES = 0.5;

/** Mean of the recent call-to-counter walks (up to 20, newest last), or the default. */
export function typicalCallMinutes(recent: readonly number[]): number {
  const last = recent.filter((m) => Number.isFinite(m) && m >= 0 && m <= 30).slice(-20);
  if (last.length === 0) return DEFAULT_CALL_MINUTES;
  return last.reduce((a, b) => a + b, 0) / last.length;
}

/** The ticket whose call is projected. */
export interface ProjectedTicket {
  serviceId: string;
  priority: boolean;
  /** Its line position: now for a walk-in, the booked time for a booked visit. */
  lineAt: Date;
  /** A booked visit at its booked time (the policies give it its own class). */
  booked: boolean;
}

/** How the dry run counts time: the estimate's own rules, passed in so they stay one. */
export interface ProjectionRules {
  /** Typical minutes of one client of the service (the estimate's mean of recent ones). */
  typicalMinutes: (serviceId: string) => number;
  /** A ticket "in service" longer than this is forgotten: its counter is as good as free. */
  stuckMinutes: number;
  /** The dry run stops this many minutes past the ticket's line position. */
  horizonMinutes: number;
}

/** The estimated ticket as the dry run sees it: a waiting ticket that is not in the store. */
export function ownTicket(ticket: ProjectedTicket): Ticket {
  const own = virtualTicket(
    '\u0000estimate',
    ticket.serviceId,
    ticket.lineAt.toISOString(),
    ticket.booked,
  );
  // A priority reason is health data the estimate does not need: any reason is "priority".
  if (ticket.priority) own.priority = 'senior';
  return own;
}

/**
 * Runs `run` until `own` is called: minutes from now (or its line position, if later) to that
 * call, the horizon's minutes past it, or undefined when the counters run out first.
 */
export function callOf(
  run: DryRun,
  own: Ticket,
  at: number,
  rules: ProjectionRules,
): number | undefined {
  const from = Math.max(at, Date.parse(own.lineAt));
  const horizon = from + rules.horizonMinutes * 60_000;
  for (;;) {
    const s = run.step(horizon);
    if (s.kind === 'horizon') return rules.horizonMinutes;
    if (s.kind === 'done') return undefined;
    // Waited from now or the line position, whichever is later: a booked client checking in
    // late keeps the booked place but has not waited since the booked time.
    if (s.kind === 'called' && s.ticket === own) return Math.max(0, (s.at - from) / 60_000);
  }
}

/**
 * Minutes from now (or the ticket's line position, if later) to its projected call, or
 * undefined when no open counter serves it. Stops at the rules' horizon (the caller caps there).
 */
export function projectCall(
  load: BranchLoad,
  ticket: ProjectedTicket,
  rules: ProjectionRules,
): number | undefined {
  const own = ownTicket(ticket);
  const run = DryRun.start(load, rules, [own]);
  if (!run.serves(ticket.serviceId)) return undefined;
  return callOf(run, own, load.at.getTime(), rules);
}

/**
 * The branch's load as its working memory holds it at `at`; `expectedBookings` are the
 * calendar's visits not checked in yet, due at or after `at` (any instant text; normalised).
 */
export function branchLoadOf(
  state: QueueState,
  at: Date,
  policy: CallingPolicy,
  expectedBookings: readonly { serviceId: string; bookedFor: string }[] = [],
): BranchLoad {
  const inHand: Ticket[] = [];
  for (const t of state.active.values())
    if (t.state === 'called' || t.state === 'serving') inHand.push(t);
  const walks = state.recentCalls
    .filter((t) => t.calledAt !== null && t.startedAt !== null)
    // msOf: the same instants at every issue, parsed once (issue 12's second round).
    .map((t) => (msOf(t.startedAt!) - msOf(t.calledAt!)) / 60_000)
    .reverse(); // recentCalls is newest first; the mean takes the newest last
  return {
    at,
    waiting: state.waiting(),
    inHand,
    durations: state.durations,
    callMinutes: typicalCallMinutes(walks),
    services: state.services,
    counters: state.counters,
    settings: state.settings,
    regularSincePriority: state.regularSincePriority,
    policy,
    expectedBookings: expectedBookings.map((b) => ({
      serviceId: b.serviceId,
      bookedFor: new Date(b.bookedFor).toISOString(),
    })),
  };
}
