import { describe, expect, it } from 'vitest';
import { compareSchedulers } from './quality';
import { DAY_2026, generateDay } from './scenario';

describe('scheduler on a 2026 day (~70 % booked, 30-minute slots)', () => {
  const rows = compareSchedulers({ ...DAY_2026, days: 1 });
  const by = Object.fromEntries(rows.map((r) => [r.policy, r]));
  const def = by.default!;

  it('books ~70 % of the visits in 30-minute slots from 08:00 to 17:00', () => {
    const day = generateDay({ ...DAY_2026, seed: 1 });
    const booked = day.clients.filter((c) => c.bookedAt !== null);
    expect(booked.length / day.clients.length).toBeCloseTo(0.7, 2);
    expect(new Set(booked.map((c) => c.bookedAt! % 30))).toEqual(new Set([0]));
    expect(Math.max(...booked.map((c) => c.bookedAt!))).toBe(540);
  });

  it('beats FIFO and the Novo-SGA-like ordering on mean, p90 and longest wait at once', () => {
    for (const other of [by.fifo!, by['novo-sga-like']!]) {
      expect(def.meanWait).toBeLessThan(other.meanWait);
      expect(def.p90Wait).toBeLessThan(other.p90Wait);
      expect(def.longestWait).toBeLessThan(other.longestWait);
    }
  });

  it('prints estimates within 3 minutes on average and calls most booked clients on time', () => {
    expect(def.estimateMae).toBeLessThanOrEqual(3);
    // The goal is ≥ 0.99; today 0.959 (see docs/bookings.md): a floor, not the goal.
    expect(def.bookedWithin5MinShare).toBeGreaterThanOrEqual(0.95);
  });
});
