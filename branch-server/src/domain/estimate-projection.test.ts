import { defaultQueueSettings, type Counter, type Ticket } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, fifoPolicy } from './calling-policy';
import { estimateWait, MAX_ESTIMATE_MINUTES } from './estimate';
import type { BranchLoad } from './estimate-projection';
import { counter, service, ticket } from './test-fixtures';

const A = service('emerytury', 'A', 20);
const B = service('zasilki', 'B', 20);
const now = new Date('2026-11-23T09:00:00.000Z');
const min = (m: number) => new Date(now.getTime() + m * 60_000);

/** A counter serving `t` since `calledAt` minutes from now (negative: in the past). */
function serving(c: Counter, s: typeof A, calledAt: number): Ticket {
  return {
    ...ticket(s, min(calledAt - 1)),
    state: 'serving',
    counterId: c.id,
    calledAt: min(calledAt).toISOString(),
    startedAt: min(calledAt).toISOString(),
  };
}

function load(parts: Partial<Omit<BranchLoad, 'counters'>> & { counters: Counter[] }): BranchLoad {
  return {
    at: now,
    waiting: [],
    inHand: [],
    durations: new Map([
      [A.id, [10]],
      [B.id, [10]],
    ]),
    callMinutes: 0,
    services: new Map([
      [A.id, A],
      [B.id, B],
    ]),
    settings: defaultQueueSettings,
    regularSincePriority: 0,
    policy: defaultPolicy,
    ...parts,
    counters: new Map(parts.counters.map((c) => [c.id, c])),
  };
}

const walkIn = (branch: BranchLoad, priority = false) =>
  estimateWait({
    serviceId: A.id,
    priority,
    now,
    waiting: branch.waiting,
    counters: [...branch.counters.values()],
    recentServiceMinutes: [10],
    branch,
  }).estimatedWaitMinutes;

describe('wait estimate as a dry run of the counters', () => {
  const c1 = counter(1, { [A.id]: 1 });

  it('waits for the busy counter to free, then for everyone ahead', () => {
    const ahead = ticket(A, min(-3));
    expect(walkIn(load({ counters: [c1], inHand: [serving(c1, A, -4)] }))).toBe(6);
    expect(walkIn(load({ counters: [c1], inHand: [serving(c1, A, -4)], waiting: [ahead] }))).toBe(
      16,
    );
  });

  it('counts a booked visit not checked in yet that falls due before the walk-in is reached', () => {
    const base = { counters: [c1], inHand: [serving(c1, A, -4)] };
    const due = [{ serviceId: A.id, bookedFor: min(2).toISOString() }];
    expect(walkIn(load(base))).toBe(6);
    // The booking is due at +2, the counter frees at +6: the booking goes first.
    expect(walkIn(load({ ...base, expectedBookings: due }))).toBe(16);
    // A booking due after the walk-in's call changes nothing.
    const late = [{ serviceId: A.id, bookedFor: min(30).toISOString() }];
    expect(walkIn(load({ ...base, expectedBookings: late }))).toBe(6);
  });

  it('lets the policy mix a priority client in ahead of regular ones', () => {
    const waiting = [ticket(A, min(-5)), ticket(A, min(-4)), ticket(A, min(-3))];
    const branch = load({ counters: [c1], waiting, regularSincePriority: 2 });
    expect(walkIn(branch, true)).toBe(0);
    expect(walkIn(branch, false)).toBe(30);
  });

  it('sees the counters a line shares with a longer line, which a weight share does not', () => {
    // c2 serves B mainly, but B's line is empty: A gets both counters.
    const c2 = counter(2, { [B.id]: 3, [A.id]: 1 });
    const waiting = [1, 2, 3, 4].map((i) => ticket(A, min(-10 + i)));
    const branch = load({ counters: [c1, c2], waiting });
    expect(walkIn(branch)).toBe(20);
    const formula = estimateWait({ ...branchless(branch), recentServiceMinutes: [10] });
    expect(formula.estimatedWaitMinutes).toBe(32); // 4 × 10 ÷ 1.25
  });

  it('treats a ticket forgotten in service for hours as a free counter', () => {
    expect(walkIn(load({ counters: [c1], inHand: [serving(c1, A, -300)] }))).toBe(0);
  });

  it('measures a late booked check-in from now, not from the booked time', () => {
    const branch = load({ counters: [c1], inHand: [serving(c1, A, -4)] });
    const est = estimateWait({
      serviceId: A.id,
      priority: false,
      now: min(-10),
      booked: true,
      waiting: [],
      counters: [c1],
      recentServiceMinutes: [10],
      branch,
    });
    expect(est.estimatedWaitMinutes).toBe(6);
  });

  it('is capped, and follows the branch’s own policy', () => {
    const waiting = Array.from({ length: 200 }, (_, i) => ticket(A, min(-200 + i)));
    expect(walkIn(load({ counters: [c1], waiting }))).toBe(MAX_ESTIMATE_MINUTES);
    const fifo = load({ counters: [c1], waiting: waiting.slice(0, 3), policy: fifoPolicy });
    expect(walkIn(fifo, true)).toBe(30);
  });

  it('falls back to the formula when no open counter serves the service', () => {
    const closed = { ...c1, state: 'closed' as const };
    const waiting = [ticket(A, min(-1))];
    expect(walkIn(load({ counters: [closed], waiting }))).toBe(10);
  });
});

function branchless(b: BranchLoad) {
  return {
    serviceId: A.id,
    priority: false,
    now,
    waiting: b.waiting,
    counters: [...b.counters.values()],
    recentServiceMinutes: [] as number[],
  };
}
