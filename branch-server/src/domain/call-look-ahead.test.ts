import { defaultQueueSettings } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { decideCallNext } from './call-decision';
import { defaultPolicy } from './calling-policy';
import { isRefusal } from './domain-error';
import { DEFAULT_SERVICE_MINUTES } from './estimate';
import { counter, queueState, service, ticket } from './test-fixtures';

const A = service('emerytury', 'A', 20);
const T0 = new Date('2026-11-20T08:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const iso = (min: number) => at(min).toISOString();

describe('call next with the look-ahead from the branch state', () => {
  // No service times yet today: a visit counts as DEFAULT_SERVICE_MINUTES.
  const d = DEFAULT_SERVICE_MINUTES;
  const c1 = counter(1, { [A.id]: 1 });
  const c2 = counter(2, { [A.id]: 1 });
  const walkIn = ticket(A, at(0));
  const booked = ticket(A, at(0), { bookedFor: iso(d - 1), lineAt: iso(d - 1) });
  const call = (startedMin: number) => {
    const serving = ticket(A, at(-5), {
      state: 'serving',
      counterId: 2,
      calledAt: iso(startedMin),
      startedAt: iso(startedMin),
    });
    const state = queueState({
      services: [A],
      counters: [c1, c2],
      tickets: [walkIn, booked, serving],
      settings: defaultQueueSettings,
    });
    const out = decideCallNext(state, { counterId: 1, actor: null }, at(0), defaultPolicy);
    if (isRefusal(out)) throw new Error(out.message);
    return out.calledId;
  };

  it('calls the booked visit early while counter 2 is expected busy past its time', () => {
    expect(call(0)).toBe(booked.id); // counter 2 frees at d, after the visit's d - 1
  });

  it('calls the walk-in when counter 2 is expected free before the booked time', () => {
    expect(call(-5)).toBe(walkIn.id); // counter 2 frees at d - 5
  });
});
