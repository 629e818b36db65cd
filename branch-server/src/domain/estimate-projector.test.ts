import { defaultQueueSettings, type Counter, type Ticket } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, fifoPolicy, type CallingPolicy } from './calling-policy';
import { typicalServiceMinutes } from './estimate';
import { projectCall, type BranchLoad, type ProjectionRules } from './estimate-projection';
import { EstimateProjector } from './estimate-projector';
import { counter, service, ticket } from './test-fixtures';

const A = service('emerytury', 'A', 20);
const B = service('zasilki', 'B', 10);
const C = service('skladki', 'C', 15);
const start = new Date('2026-11-23T09:00:00.000Z').getTime();
const iso = (ms: number) => new Date(ms).toISOString();

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const durations = new Map([
  [A.id, [12, 9]],
  [B.id, [4, 6]],
  [C.id, [7]],
]);
const services = new Map([A, B, C].map((s) => [s.id, s]));
const rules: ProjectionRules = {
  typicalMinutes: (id) => typicalServiceMinutes(durations.get(id) ?? []),
  stuckMinutes: 120,
  horizonMinutes: 240,
};

/**
 * A burst of walk-ins (and now and then a call, a check-in or a minute passing) at a branch
 * with shared counters: every estimate the projector gives must be projectCall's, to the bit.
 */
function burst(seed: number, calling: CallingPolicy, idleCounter: boolean) {
  const rnd = random(seed);
  // Policy calls counted apart for the fresh dry runs and the projector's.
  const calls = { fresh: 0, kept: 0 };
  let counting: 'fresh' | 'kept' = 'fresh';
  const policy: CallingPolicy = (view) => {
    calls[counting] += 1;
    return calling(view);
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const counters: Counter[] = [
    counter(1, { [A.id]: 1 }),
    counter(2, { [A.id]: 1, [B.id]: 3 }),
    counter(3, { [B.id]: 1, [C.id]: 1 }),
    counter(4, { [C.id]: 2, [A.id]: 1 }),
  ];
  const inHand = counters.slice(idleCounter ? 1 : 0).map((c, i) => ({
    ...ticket(A, new Date(start - 20 * 60_000)),
    state: 'serving' as const,
    counterId: c.id,
    calledAt: iso(start - (i + 1) * 60_000),
    startedAt: iso(start - (i + 1) * 60_000),
  }));
  let clock = start;
  let lineEnd = start - 30 * 60_000;
  const waiting: Ticket[] = [];
  for (let i = 0; i < 40; i += 1) {
    lineEnd += Math.floor(rnd() * 60_000);
    const prio = rnd() < 0.1 ? { priority: 'senior' as const } : {};
    waiting.push(ticket(pick([A, B, C]), new Date(lineEnd), prio));
  }
  const expectedBookings = [5, 25, 60].map((m) => ({
    serviceId: A.id,
    bookedFor: iso(start + m * 60_000),
  }));
  let version = 1;
  let regularSincePriority = 0;
  const projector = new EstimateProjector();
  const answers: (number | undefined)[] = [];
  for (let i = 0; i < 120; i += 1) {
    clock += rnd() < 0.05 ? 90_000 : Math.floor(rnd() * 4);
    const load: BranchLoad = {
      at: new Date(clock),
      waiting: [...waiting],
      inHand,
      durations,
      callMinutes: 0.5,
      services,
      counters: new Map(counters.map((c) => [c.id, c])),
      settings: defaultQueueSettings,
      regularSincePriority,
      policy,
      expectedBookings: expectedBookings.filter((b) => b.bookedFor >= iso(clock)),
    };
    const s = pick([A, A, B, C]);
    const priority = rnd() < 0.15;
    const booked = rnd() < 0.05;
    lineEnd = Math.max(clock, lineEnd + 1);
    const lineAt = booked ? new Date(clock + 10 * 60_000) : new Date(lineEnd);
    const own = { serviceId: s.id, priority, lineAt, booked };
    counting = 'fresh';
    const want = projectCall(load, own, rules);
    counting = 'kept';
    const got = projector.project(load, own, rules, version);
    expect(got, `seed ${seed}, step ${i}`).toBe(want);
    answers.push(got);
    const r = rnd();
    if (r < 0.8 && !booked) {
      const t = ticket(s, lineAt, priority ? { priority: 'senior' } : {});
      waiting.push(t);
      projector.joined(t, version, version + 1);
      version += 1;
    } else if (r < 0.9) {
      // A call: the front of the branch leaves the line (the projector is not told).
      const called = waiting.shift()!;
      regularSincePriority = called.priority === null ? regularSincePriority + 1 : 0;
      version += 1;
    }
  }
  return { answers, calls };
}

describe('estimate projector (the dry run kept between tickets)', () => {
  it('answers as a fresh dry run does, through a burst of walk-ins', () => {
    for (let seed = 1; seed <= 4; seed += 1) {
      const { answers, calls } = burst(seed, defaultPolicy, false);
      // The burst must reach past the people waiting, or equal answers would prove little.
      expect(new Set(answers).size).toBeGreaterThan(10);
      // ...and the kept dry run must be what answered, not a fresh one each time.
      // (A call, a minute passing or a check-in makes it start afresh: 0.45-0.77 of the policy
      // calls in these mixed bursts, all of them if it never resumed.)
      expect(calls.kept).toBeLessThan(calls.fresh * 0.85);
    }
  });

  it('answers as a fresh dry run does with an idle counter and under FIFO', () => {
    for (let seed = 7; seed <= 8; seed += 1) {
      burst(seed, defaultPolicy, true);
      burst(seed, fifoPolicy, false);
    }
  });
});
