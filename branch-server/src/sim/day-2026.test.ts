import { describe, expect, it } from 'vitest';
import { checkGoals } from './goals';
import { compareSchedulers } from './quality';
import { DAY_2026, generateDay } from './scenario';

describe('scheduler on a 2026 day (~70 % booked, 30-minute slots within capacity)', () => {
  const rows = compareSchedulers({ ...DAY_2026, days: 1 });
  const def = rows.find((r) => r.policy === 'default')!;

  it('books ~70 % of the visits in 30-minute slots 08:00–17:00, never beyond a slot’s counters', () => {
    const day = generateDay({ ...DAY_2026, seed: 1 });
    const booked = day.clients.filter((c) => c.bookedAt !== null);
    const share = booked.length / day.clients.length;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThanOrEqual(0.7);
    expect(new Set(booked.map((c) => c.bookedAt! % 30))).toEqual(new Set([0]));
    expect(Math.max(...booked.map((c) => c.bookedAt!))).toBe(540);
    // Per slot: no service has more visits than counters with its skill, nor the slot more
    // visits than counters.
    const count = new Map<string, number>();
    for (const c of booked) {
      for (const key of [`${c.bookedAt}`, `${c.bookedAt} ${c.serviceId}`]) {
        count.set(key, (count.get(key) ?? 0) + 1);
      }
    }
    for (const [key, n] of count) {
      const serviceId = key.split(' ')[1];
      const places = serviceId
        ? day.counters.filter((c) => c.skills[serviceId] !== undefined).length
        : day.counters.length;
      expect(n).toBeLessThanOrEqual(places);
    }
  });

  it('meets every goal: beats FIFO and Novo-SGA-like on mean, p90 and longest, bookings on time, MAE', () => {
    expect(checkGoals(rows)).toEqual({
      mean: true,
      p90: true,
      longest: true,
      booked: true,
      mae: true,
    });
    expect(def.bookedWithin5MinShare).toBeGreaterThanOrEqual(0.99);
  });
});
