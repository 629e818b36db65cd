import { describe, expect, it } from 'vitest';
import { lookAheadOf } from './look-ahead';
import { service, ticket } from './test-fixtures';

const A = service('emerytury', 'A');
const T0 = new Date('2026-11-20T08:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const iso = (min: number) => at(min).toISOString();
/** A visit of A at counter 1, called and started at these minutes. */
const servingAt1 = (called: number, started: number) =>
  ticket(A, at(0), {
    state: 'serving',
    counterId: 1,
    calledAt: iso(called),
    startedAt: iso(started),
  });

describe('look-ahead: when busy counters free up', () => {
  const durations = new Map([[A.id, [8, 12]]]); // typical 10 minutes

  it('a visit being served ends its typical minutes after it started; a called one a walk later', () => {
    const serving = servingAt1(1, 2);
    const called = ticket(A, at(0), { state: 'called', counterId: 2, calledAt: iso(3) });
    const la = lookAheadOf([serving, called], durations, [A.id], at(4));
    expect(la.freeAt.get(1)).toBe(iso(12));
    expect(la.freeAt.get(2)).toBe(iso(14)); // 3 + 1 walk + 10
    expect(la.serviceMinutes.get(A.id)).toBe(10);
  });

  it('a visit past its typical end may end any moment: the counter counts as free now', () => {
    const long = servingAt1(0, 1);
    expect(lookAheadOf([long], durations, [A.id], at(30)).freeAt.get(1)).toBe(iso(30));
  });

  it('ignores tickets without a counter (nothing in hand)', () => {
    const waiting = ticket(A, at(0));
    expect(lookAheadOf([waiting], durations, [A.id], at(1)).freeAt.size).toBe(0);
  });
});
