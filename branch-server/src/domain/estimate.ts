import type { Counter, Ticket } from '@skr/protocol';
import {
  projectCall,
  type BranchLoad,
  type ProjectedTicket,
  type ProjectionRules,
} from './estimate-projection';

/** Minutes assumed per client of a service before the branch has served anyone of it today. */
export const DEFAULT_SERVICE_MINUTES = 8;

/** Inputs of a wait estimate for one line. */
export interface EstimateInput {
  serviceId: string;
  priority: boolean;
  now: Date;
  waiting: readonly Ticket[];
  counters: readonly Counter[];
  /** Recent service durations of this service in minutes, newest last. */
  recentServiceMinutes: readonly number[];
  /** The estimated ticket is a booked visit at its booked time (`now` is that time). */
  booked?: boolean;
  /**
   * The whole branch now: when given, the wait is a dry run of the counters calling by the
   * branch's policy (bookings due, priority mixing, shared counters); without it, or with no
   * open counter for the service, people ahead × typical minutes ÷ capacity.
   */
  branch?: BranchLoad;
  /** The dry run to use instead of {@link projectCall} (same answers; e.g. a kept one). */
  project?: (
    load: BranchLoad,
    ticket: ProjectedTicket,
    rules: ProjectionRules,
  ) => number | undefined;
}

/**
 * A service longer than this is a ticket forgotten "in service" (overnight), not a client:
 * it is left out of the typical duration.
 */
export const MAX_SERVICE_MINUTES = 120;

/** No estimate promises more than this; a longer wait is shown as this many minutes. */
export const MAX_ESTIMATE_MINUTES = 240;

/**
 * Mean of the most recent plausible durations (up to 20; over {@link MAX_SERVICE_MINUTES} left
 * out), or the default when there are none.
 */
export function typicalServiceMinutes(recent: readonly number[]): number {
  // The list grows all day and each estimate reads it for every service: the last 20 are
  // found from the newest back, then summed oldest first as before (the same sum to the bit).
  let from = recent.length;
  let count = 0;
  while (from > 0 && count < 20) {
    from -= 1;
    if (plausibleMinutes(recent[from])) count += 1;
  }
  if (count === 0) return DEFAULT_SERVICE_MINUTES;
  let sum = 0;
  for (let i = from; i < recent.length; i += 1) if (plausibleMinutes(recent[i])) sum += recent[i]!;
  return sum / count;
}

/** A service duration that counts: not forgotten "in service" (see MAX_SERVICE_MINUTES). */
function plausibleMinutes(m: number | undefined): m is number {
  return m !== undefined && Number.isFinite(m) && m > 0 && m <= MAX_SERVICE_MINUTES;
}

/**
 * Counters' capacity for the service: each open counter with the skill counts by the share of
 * its weight among the services it serves. Closed counters count only if none is open, so a
 * ticket taken before opening still gets an estimate.
 */
export function capacityFor(serviceId: string, counters: readonly Counter[]): number {
  const skilled = counters.filter((c) => c.skills[serviceId] !== undefined);
  const open = skilled.filter((c) => c.state === 'open');
  const pool = open.length > 0 ? open : skilled;
  const share = pool.reduce((sum, c) => {
    const total = Object.values(c.skills).reduce((a, b) => a + b, 0);
    return sum + (c.skills[serviceId] ?? 0) / total;
  }, 0);
  return Math.max(share, 0.25);
}

/** People ahead of a new ticket and the minutes it will likely wait. */
export function estimateWait(input: EstimateInput): {
  peopleAhead: number;
  estimatedWaitMinutes: number;
} {
  // ISO instants compare as text; parsing thousands of dates per ticket would dominate.
  const now = input.now.toISOString();
  const ahead = input.waiting.filter(
    (t) =>
      t.state === 'waiting' &&
      t.serviceId === input.serviceId &&
      t.lineAt <= now &&
      (!input.priority || t.priority !== null),
  ).length;
  const perClient = typicalServiceMinutes(input.recentServiceMinutes);
  const branch = input.branch;
  // The dry run asks for a service's typical minutes at every call it makes.
  const typical = new Map<string, number>();
  const project = input.project ?? projectCall;
  const projected = branch
    ? project(
        branch,
        {
          serviceId: input.serviceId,
          priority: input.priority,
          lineAt: input.now,
          booked: input.booked ?? false,
        },
        {
          typicalMinutes: (id) => {
            let m = typical.get(id);
            if (m === undefined) {
              m = typicalServiceMinutes(branch.durations.get(id) ?? []);
              typical.set(id, m);
            }
            return m;
          },
          stuckMinutes: MAX_SERVICE_MINUTES,
          horizonMinutes: MAX_ESTIMATE_MINUTES,
        },
      )
    : undefined;
  const minutes = projected ?? (ahead * perClient) / capacityFor(input.serviceId, input.counters);
  return {
    peopleAhead: ahead,
    estimatedWaitMinutes: Math.min(Math.round(minutes), MAX_ESTIMATE_MINUTES),
  };
}
