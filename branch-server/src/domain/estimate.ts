import type { Counter, Ticket } from '@skr/protocol';

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
}

/**
 * A service longer than this is a ticket forgotten "in service" (overnight), not a client:
 * it is left out of the typical duration.
 */
const MAX_SERVICE_MINUTES = 120;

/** No estimate promises more than this; a longer wait is shown as this many minutes. */
export const MAX_ESTIMATE_MINUTES = 240;

/**
 * Mean of the most recent plausible durations (up to 20; over {@link MAX_SERVICE_MINUTES} left
 * out), or the default when there are none.
 */
export function typicalServiceMinutes(recent: readonly number[]): number {
  const last = recent
    .filter((m) => Number.isFinite(m) && m > 0 && m <= MAX_SERVICE_MINUTES)
    .slice(-20);
  if (last.length === 0) return DEFAULT_SERVICE_MINUTES;
  return last.reduce((a, b) => a + b, 0) / last.length;
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
  const minutes = (ahead * perClient) / capacityFor(input.serviceId, input.counters);
  return {
    peopleAhead: ahead,
    estimatedWaitMinutes: Math.min(Math.round(minutes), MAX_ESTIMATE_MINUTES),
  };
}
