import { describe, expect, it } from 'vitest';
import {
  capacityFor,
  estimateWait,
  typicalServiceMinutes,
  DEFAULT_SERVICE_MINUTES,
} from './estimate';
import { counter, service, ticket } from './test-fixtures';

const A = service('emerytury', 'A');
const now = new Date('2026-11-20T09:00:00Z');

describe('wait estimate', () => {
  it('uses recent service times or a default', () => {
    expect(typicalServiceMinutes([])).toBe(DEFAULT_SERVICE_MINUTES);
    expect(typicalServiceMinutes([4, 6])).toBe(5);
  });
  it('shares a counter across its skills by weight', () => {
    const cs = [counter(1, { a: 1, b: 1 }), counter(2, { a: 2 })];
    expect(capacityFor('a', cs)).toBeCloseTo(1.5);
  });
  it('counts people ahead in the same line and divides by capacity', () => {
    const waiting = [ticket(A, now), ticket(A, now), ticket(A, now, { priority: 'disability' })];
    const r = estimateWait({
      serviceId: A.id,
      priority: false,
      now,
      waiting,
      counters: [counter(1, { [A.id]: 1 }), counter(2, { [A.id]: 1 })],
      recentServiceMinutes: [10],
    });
    expect(r).toEqual({ peopleAhead: 3, estimatedWaitMinutes: 15 });
    const p = estimateWait({
      serviceId: A.id,
      priority: true,
      now,
      waiting,
      counters: [counter(1, { [A.id]: 1 })],
      recentServiceMinutes: [10],
    });
    expect(p.peopleAhead).toBe(1);
  });
});
