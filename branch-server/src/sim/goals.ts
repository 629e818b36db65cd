import type { PolicyQuality } from './quality';

/** Issue 14's goals for the default policy on one simulated day. */
export const SCHEDULER_GOALS = {
  /** Share of booked visits (checked in by their time) called within 5 minutes of it. */
  bookedWithin5MinShare: 0.99,
  /** Mean absolute error of the printed estimate, minutes. */
  estimateMae: 3,
} as const;

/**
 * The policies the default must beat (issue 14). Other rows of a table are reference points
 * (booked-fifo-policy.ts) and count for no goal.
 */
export const GOAL_BASELINES: readonly string[] = ['fifo', 'novo-sga-like'];

/** Which of issue 14's goals the default policy meets on one day. */
export interface GoalCheck {
  mean: boolean;
  p90: boolean;
  longest: boolean;
  booked: boolean;
  mae: boolean;
}

/**
 * "Beats" is strictly lower than every other policy; a figure of 0 that the others share counts
 * as met too (a day without waits leaves nothing to beat).
 */
function beats(own: number, others: readonly number[]): boolean {
  return others.every((o) => own < o || (own === 0 && o === 0));
}

/** Checks the default row against the baselines' figures and the goals' thresholds. */
export function checkGoals(rows: readonly PolicyQuality[]): GoalCheck {
  const own = rows.find((r) => r.policy === 'default');
  if (!own) throw new Error('no default policy row');
  const others = rows.filter((r) => GOAL_BASELINES.includes(r.policy));
  const fig = (k: 'meanWait' | 'p90Wait' | 'longestWait') =>
    beats(
      own[k],
      others.map((r) => r[k]),
    );
  return {
    mean: fig('meanWait'),
    p90: fig('p90Wait'),
    longest: fig('longestWait'),
    booked: own.bookedWithin5MinShare >= SCHEDULER_GOALS.bookedWithin5MinShare,
    mae: own.estimateMae <= SCHEDULER_GOALS.estimateMae,
  };
}

/** The bench's line: "goals: mean ✓ p90 ✓ longest ✗ booked ✓ mae ✓". */
export function formatGoals(check: GoalCheck): string {
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  return `goals: ${(Object.keys(check) as (keyof GoalCheck)[])
    .map((k) => `${k} ${mark(check[k])}`)
    .join(' ')}`;
}
