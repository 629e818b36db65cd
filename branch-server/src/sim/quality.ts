import { defaultPolicy, fifoPolicy, type CallingPolicy } from '../domain';
import { bookedFifoPolicy } from './booked-fifo-policy';
import { novoSgaPolicy } from './novo-sga-policy';
import { generateDay, type ScenarioOptions } from './scenario';
import { simulateDay, type SimRecord } from './simulate-day';
import { mean, percentile, round } from './stats';

/** The figures the issue asks for, for one policy over the simulated days (minutes). */
export interface PolicyQuality {
  policy: string;
  clients: number;
  meanWait: number;
  p90Wait: number;
  longestWait: number;
  /** Mean wait of clients with a priority right. */
  priorityMeanWait: number;
  /** Booked clients who checked in by their time and were called within 5 minutes of it. */
  bookedWithin5MinShare: number;
  /** Share of clients who waited more than twice their service's target. */
  overTwiceTargetShare: number;
  /** Mean absolute error of the estimate printed on the ticket against the real wait. */
  estimateMae: number;
  estimateMaeWalkIns: number;
  estimateMaeBookings: number;
  /** 90th percentile of the absolute estimate error. */
  estimateP90Error: number;
}

/** The policies compared: ours, plain first-come first-served, and a Novo-SGA-like one. */
const comparedPolicies: Record<string, CallingPolicy> = {
  default: defaultPolicy,
  fifo: fifoPolicy,
  'novo-sga-like': novoSgaPolicy,
  // A reference point, not a goal (goals.ts GOAL_BASELINES): FIFO that calls bookings on time.
  'booked-fifo': bookedFifoPolicy,
};

/** Sums up one policy's records (of one or more days). */
function summarise(
  policy: string,
  records: readonly SimRecord[],
  targets: ReadonlyMap<string, number>,
): PolicyQuality {
  const waits = records.map((r) => r.waited);
  const err = (rs: readonly SimRecord[]) => rs.map((r) => Math.abs(r.estimated - r.waited));
  const bookedOnTime = records.filter(
    (r) => r.client.bookedAt !== null && r.issuedAt <= r.client.bookedAt,
  );
  const within = bookedOnTime.filter((r) => r.calledAt <= r.client.bookedAt! + 5);
  const walkIns = records.filter((r) => r.client.bookedAt === null);
  const bookings = records.filter((r) => r.client.bookedAt !== null);
  const r1 = (x: number) => round(x, 1);
  return {
    policy,
    clients: records.length,
    meanWait: r1(mean(waits)),
    p90Wait: r1(percentile(waits, 90)),
    longestWait: r1(waits.reduce((a, b) => Math.max(a, b), 0)),
    priorityMeanWait: r1(
      mean(records.filter((r) => r.ticket.priority !== null).map((r) => r.waited)),
    ),
    bookedWithin5MinShare: round(within.length / Math.max(1, bookedOnTime.length), 3),
    overTwiceTargetShare: round(
      records.filter((r) => r.waited > 2 * (targets.get(r.ticket.serviceId) ?? 15)).length /
        Math.max(1, records.length),
      3,
    ),
    estimateMae: r1(mean(err(records))),
    estimateMaeWalkIns: r1(mean(err(walkIns))),
    estimateMaeBookings: r1(mean(err(bookings))),
    estimateP90Error: r1(percentile(err(records), 90)),
  };
}

/** Options of a comparison: the scenario and how many days (seeds 1…days). */
export interface QualityOptions extends Omit<ScenarioOptions, 'seed'> {
  days?: number;
}

/** Simulates the same days under each policy and returns one row per policy. */
export function compareSchedulers(opts: QualityOptions = {}): PolicyQuality[] {
  const days = Array.from({ length: opts.days ?? 3 }, (_, i) =>
    generateDay({ ...opts, seed: i + 1 }),
  );
  const targets = new Map(days[0]!.services.map((s) => [s.id, s.targetWaitMinutes]));
  return Object.entries(comparedPolicies).map(([name, policy]) =>
    summarise(
      name,
      days.flatMap((d) => simulateDay(d, policy)),
      targets,
    ),
  );
}
