import { describe, expect, it } from 'vitest';
import { checkGoals, formatGoals } from './goals';
import type { PolicyQuality } from './quality';

const row = (policy: string, f: Partial<PolicyQuality>): PolicyQuality => ({
  policy,
  clients: 100,
  meanWait: 3,
  p90Wait: 10,
  longestWait: 30,
  priorityMeanWait: 1,
  bookedWithin5MinShare: 0.8,
  overTwiceTargetShare: 0,
  estimateMae: 1,
  estimateMaeWalkIns: 1,
  estimateMaeBookings: 1,
  estimateP90Error: 2,
  ...f,
});

describe('issue 14 goals line', () => {
  it('needs the default strictly below every other policy, and the thresholds met', () => {
    const check = checkGoals([
      row('default', { meanWait: 2.9, p90Wait: 10, longestWait: 29, bookedWithin5MinShare: 0.99 }),
      row('fifo', {}),
      row('novo-sga-like', { longestWait: 28, estimateMae: 0.5 }),
    ]);
    expect(check).toEqual({ mean: true, p90: false, longest: false, booked: true, mae: true });
    expect(formatGoals(check)).toBe('goals: mean ✓ p90 ✗ longest ✗ booked ✓ mae ✓');
  });

  it('counts only FIFO and Novo-SGA-like as baselines, not a reference row', () => {
    const check = checkGoals([
      row('default', { longestWait: 29 }),
      row('fifo', {}),
      row('booked-fifo', { longestWait: 20 }),
    ]);
    expect(check.longest).toBe(true);
  });

  it('counts a zero that every policy shares as met, and misses the booked share and MAE below their goals', () => {
    const check = checkGoals([
      row('default', { p90Wait: 0, bookedWithin5MinShare: 0.989, estimateMae: 3.1 }),
      row('fifo', { p90Wait: 0 }),
    ]);
    expect(check.p90).toBe(true);
    expect(check.booked).toBe(false);
    expect(check.mae).toBe(false);
  });
});
