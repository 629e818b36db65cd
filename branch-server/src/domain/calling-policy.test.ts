import { defaultQueueSettings, type Counter, type Service, type Ticket } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, fifoPolicy, type QueueView } from './calling-policy';
import { counter, service, ticket } from './test-fixtures';

const A = service('emerytury', 'A', 15);
const B = service('zasilki', 'B', 30);
const T0 = new Date('2026-11-20T08:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

function view(c: Counter, waiting: Ticket[], now: Date, extra: Partial<QueueView> = {}): QueueView {
  return {
    now,
    counter: c,
    waiting,
    services: new Map<string, Service>([
      [A.id, A],
      [B.id, B],
    ]),
    counters: new Map([[c.id, c]]),
    settings: defaultQueueSettings,
    regularSincePriority: 0,
    ...extra,
  };
}

describe('default calling policy', () => {
  it('calls only services the counter has a skill for', () => {
    const c = counter(1, { [B.id]: 1 });
    const a = ticket(A, at(0));
    const b = ticket(B, at(5));
    expect(defaultPolicy(view(c, [a, b], at(6)))?.id).toBe(b.id);
    expect(defaultPolicy(view(c, [a], at(6)))).toBeUndefined();
  });

  it('prefers the service with the higher skill weight at equal lateness', () => {
    const c = counter(1, { [A.id]: 1, [B.id]: 3 });
    const a = ticket(A, at(0));
    const b = ticket(B, at(0));
    // Both targets are beyond the 10-minute lateness scale, so equal waits are equal lateness.
    expect(defaultPolicy(view(c, [a, b], at(10)))?.id).toBe(b.id);
  });

  it('mixes priority and regular tickets 2:1', () => {
    const c = counter(1, { [A.id]: 1 });
    const reg = ticket(A, at(0));
    const pri = ticket(A, at(1), { priority: 'pregnancy' });
    expect(defaultPolicy(view(c, [reg, pri], at(2), { regularSincePriority: 0 }))?.id).toBe(reg.id);
    expect(defaultPolicy(view(c, [reg, pri], at(2), { regularSincePriority: 2 }))?.id).toBe(pri.id);
    expect(defaultPolicy(view(c, [pri], at(2), { regularSincePriority: 0 }))?.id).toBe(pri.id);
  });

  it('puts a due booking ahead of walk-ins and keeps an early one out until its time', () => {
    const c = counter(1, { [A.id]: 1 });
    const walkIn = ticket(A, at(0));
    const booked = ticket(A, at(1), {
      bookedFor: at(10).toISOString(),
      lineAt: at(10).toISOString(),
    });
    expect(defaultPolicy(view(c, [walkIn, booked], at(5)))?.id).toBe(walkIn.id);
    expect(defaultPolicy(view(c, [walkIn, booked], at(10)))?.id).toBe(booked.id);
    expect(defaultPolicy(view(c, [booked], at(5)))?.id).toBe(booked.id);
  });

  it('never starves: a long-waiting low-weight ticket beats fresh high-weight ones', () => {
    const c = counter(1, { [A.id]: 10, [B.id]: 1 });
    const old = ticket(B, at(0));
    const fresh = ticket(A, at(60));
    expect(defaultPolicy(view(c, [fresh, old], at(61)))?.id).toBe(old.id);
  });

  it('keeps a ticket transferred to a counter for that counter while it is open', () => {
    const c1 = counter(1, { [A.id]: 1 });
    const c2 = counter(2, { [A.id]: 1 });
    const sent = ticket(A, at(0), { targetCounterId: 2 });
    const counters = new Map([
      [1, c1],
      [2, c2],
    ]);
    expect(defaultPolicy(view(c1, [sent], at(1), { counters }))).toBeUndefined();
    expect(defaultPolicy(view(c2, [sent], at(1), { counters }))?.id).toBe(sent.id);
    const closed = new Map([
      [1, c1],
      [2, { ...c2, state: 'closed' as const }],
    ]);
    expect(defaultPolicy(view(c1, [sent], at(1), { counters: closed }))?.id).toBe(sent.id);
  });

  it('bounds every wait in a random busy day (simulation)', () => {
    // 3 counters with uneven skills, arrivals faster than service for an hour, then calm.
    const counters = [
      counter(1, { [A.id]: 5, [B.id]: 1 }),
      counter(2, { [A.id]: 1 }),
      counter(3, { [A.id]: 3, [B.id]: 1 }),
    ];
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const waiting: Ticket[] = [];
    const maxWait = { [A.id]: 0, [B.id]: 0 } as Record<string, number>;
    const busyUntil = new Map<number, number>();
    for (let m = 0; m < 240; m += 1) {
      if (m < 180)
        for (let k = 0; k < 2; k += 1)
          if (rnd() < 0.6) waiting.push(ticket(rnd() < 0.8 ? A : B, at(m)));
      for (const c of counters) {
        if ((busyUntil.get(c.id) ?? 0) > m) continue;
        const next = defaultPolicy(
          view(c, waiting, at(m), { counters: new Map(counters.map((x) => [x.id, x])) }),
        );
        if (!next) continue;
        waiting.splice(waiting.indexOf(next), 1);
        maxWait[next.serviceId] = Math.max(
          maxWait[next.serviceId]!,
          m - (new Date(next.lineAt).getTime() - T0.getTime()) / 60_000,
        );
        busyUntil.set(c.id, m + 3);
      }
    }
    // B is served by weight-1 skills only; the starvation bound still caps it near 2 × target.
    expect(maxWait[B.id]).toBeLessThanOrEqual(2 * B.targetWaitMinutes + 5);
    expect(maxWait[A.id]).toBeGreaterThan(0);
  });
});

describe('default calling policy: bounds in minutes (issue 14)', () => {
  const booking = (s: Service, at: Date, due: Date) =>
    ticket(s, at, { bookedFor: due.toISOString(), lineAt: due.toISOString() });

  it('ranks by minutes waited when targets are long, not by share of the target', () => {
    const c = counter(1, { [A.id]: 1, [B.id]: 1 });
    const a = ticket(A, at(6)); // 8 min of a 15-min target
    const b = ticket(B, at(0)); // 14 min of a 30-min target: a smaller share, but longer
    expect(defaultPolicy(view(c, [a, b], at(14)))?.id).toBe(b.id);
  });

  // A walk-in of B (30-min target, so 2 × target would be an hour) against a booking of A.
  it.each([
    [
      'a booking due for 0.1 min goes before a walk-in at 19.9 min (not starving yet)',
      19.8,
      19.9,
      'booked',
    ],
    [
      'a walk-in starves at 20 min and goes before a booking in its first minute',
      19.8,
      20.5,
      'walk-in',
    ],
    ['a booking due for 1.5 min goes before the starving', 20.5, 22, 'booked'],
    ['a booking about to miss its 5 minutes goes before a wait of 34.9 min', 31, 34.9, 'booked'],
    [
      'a wait of 35 min (the hard bound) goes before a booking about to miss its 5 minutes',
      31,
      35,
      'walk-in',
    ],
  ] as const)('%s', (_, due, now, expected) => {
    const c = counter(1, { [A.id]: 1, [B.id]: 1 });
    const walkIn = ticket(B, at(0));
    const booked = booking(A, at(0), at(due));
    const picked = defaultPolicy(view(c, [booked, walkIn], at(now)))?.id;
    expect(picked).toBe(expected === 'booked' ? booked.id : walkIn.id);
  });

  it("takes the hard bound from the branch's settings (a branch past capacity keeps its bookings)", () => {
    const c = counter(1, { [A.id]: 1, [B.id]: 1 });
    const walkIn = ticket(B, at(0));
    const booked = booking(A, at(0), at(36));
    const pick = (hardWaitMinutes: number) =>
      defaultPolicy(
        view(c, [booked, walkIn], at(40), {
          settings: { ...defaultQueueSettings, hardWaitMinutes },
        }),
      )?.id;
    // 40 min of waiting against a booking due for 4 min: past a 35-min bound, within a 60-min one.
    expect(pick(35)).toBe(walkIn.id);
    expect(pick(60)).toBe(booked.id);
  });

  it('lets a priority client starve at half the bound, whatever the mixing count says', () => {
    const c = counter(1, { [A.id]: 1 });
    const reg = ticket(A, at(0));
    const pri = ticket(A, at(9), { priority: 'disability' });
    const v = (now: Date) => view(c, [reg, pri], now, { regularSincePriority: 0 });
    expect(defaultPolicy(v(at(18)))?.id).toBe(reg.id); // 18 regular vs 9 × 2 priority: neither starves
    expect(defaultPolicy(v(at(19.5)))?.id).toBe(pri.id); // 10.5 × 2 = 21 ≥ 20; 19.5 < 20
  });
});

describe('default policy with the look-ahead', () => {
  const c1 = counter(1, { [A.id]: 1 });
  const c2 = counter(2, { [A.id]: 1 });
  const counters = new Map([
    [1, c1],
    [2, c2],
  ]);
  // Counter 2 is serving until minute 11; a visit of A takes 12 minutes.
  const lookAhead = {
    freeAt: new Map([[2, at(11).toISOString()]]),
    serviceMinutes: new Map([[A.id, 12]]),
  };
  const booked = () =>
    ticket(A, at(0), { bookedFor: at(10).toISOString(), lineAt: at(10).toISOString() });

  it('calls a checked-in booked visit early when no other counter frees by its time', () => {
    const walkIn = ticket(A, at(0));
    const b = booked();
    expect(defaultPolicy(view(c1, [walkIn, b], at(2), { counters }))?.id).toBe(walkIn.id);
    expect(defaultPolicy(view(c1, [walkIn, b], at(2), { counters, lookAhead }))?.id).toBe(b.id);
  });

  it('starts the walk-in when the other counter frees in time', () => {
    const walkIn = ticket(A, at(0));
    const soon = { ...lookAhead, freeAt: new Map([[2, at(9).toISOString()]]) };
    const v = view(c1, [walkIn, booked()], at(2), { counters, lookAhead: soon });
    expect(defaultPolicy(v)?.id).toBe(walkIn.id);
  });

  it('never puts off a starving walk-in for an early call', () => {
    const old = ticket(A, at(-20));
    const v = view(c1, [old, booked()], at(2), { counters, lookAhead });
    expect(defaultPolicy(v)?.id).toBe(old.id);
  });
});

describe('fifo policy', () => {
  it('calls strictly by line position', () => {
    const c = counter(1, { [A.id]: 1, [B.id]: 9 });
    const a = ticket(A, at(0));
    const b = ticket(B, at(1));
    expect(fifoPolicy(view(c, [b, a], at(2)))?.id).toBe(a.id);
  });
});
