import type { Counter, Ticket } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { bookedToCallNow, type BookedLookAheadInput } from './booked-look-ahead';
import { counter, service, ticket } from './test-fixtures';

const A = service('emerytury', 'A', 20);
const B = service('zasilki', 'B', 15);
const T0 = new Date('2026-11-20T08:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const iso = (min: number) => at(min).toISOString();
const booked = (s = A, dueMin = 10) =>
  ticket(s, at(0), { bookedFor: iso(dueMin), lineAt: iso(dueMin) });

function input(
  self: Counter,
  others: Counter[],
  visits: Ticket[],
  freeAt: Record<number, number>,
  otherMinutes = 12,
): BookedLookAheadInput {
  return {
    now: at(0),
    counter: self,
    counters: [self, ...others],
    booked: visits,
    lookAhead: {
      freeAt: new Map(Object.entries(freeAt).map(([id, m]) => [Number(id), iso(m)])),
      serviceMinutes: new Map([
        [A.id, 12],
        [B.id, 10],
      ]),
    },
    canServe: (t, c) => c.skills[t.serviceId] !== undefined,
    otherMinutes,
    graceMinutes: 5,
  };
}

describe('look-ahead for booked visits', () => {
  const c1 = counter(1, { [A.id]: 1, [B.id]: 1 });
  const c2 = counter(2, { [A.id]: 1 });

  it('starts the walk-in when another counter frees before the booked time', () => {
    expect(bookedToCallNow(input(c1, [c2], [booked()], { 2: 8 }))).toBeUndefined();
  });

  it('calls the booked visit early when no other counter frees by its time', () => {
    const v = booked();
    expect(bookedToCallNow(input(c1, [c2], [v], { 2: 11 }))?.id).toBe(v.id);
  });

  it('starts a walk-in short enough to be free again by the booked time', () => {
    expect(bookedToCallNow(input(c1, [c2], [booked()], { 2: 11 }, 9))).toBeUndefined();
  });

  it('counts a counter planned for an earlier visit as taken until that visit ends', () => {
    const first = booked(A, 5);
    const second = booked(A, 10);
    // Counter 2 frees at 4 and takes the 5-minute visit until 17: the 10-minute one needs this counter.
    expect(bookedToCallNow(input(c1, [c2], [second, first], { 2: 4 }))?.id).toBe(second.id);
  });

  it('leaves a visit it may not serve to its own counters, and visits beyond its horizon', () => {
    const onlyB = counter(3, { [B.id]: 1 });
    expect(bookedToCallNow(input(onlyB, [c2], [booked(A)], { 2: 11 }))).toBeUndefined();
    expect(bookedToCallNow(input(c1, [c2], [booked(A, 20)], { 2: 30 }))).toBeUndefined();
  });

  it('still plans a visit due a moment ago, within its grace, for now', () => {
    const late = booked(A, -2);
    expect(bookedToCallNow(input(c1, [c2], [late], { 2: 3 }))?.id).toBe(late.id);
    const lost = booked(A, -6);
    expect(bookedToCallNow(input(c1, [c2], [lost], { 2: 3 }))).toBeUndefined();
  });
});
