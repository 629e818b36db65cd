import type { SkrError } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { decideCallNext } from './call-decision';
import { defaultPolicy } from './calling-policy';
import { isRefusal } from './domain-error';
import { decideTicketAction } from './ticket-action-decision';
import { counter, queueState, service, ticket } from './test-fixtures';
import type { Ticket } from '@skr/protocol';

const A = service('emerytury', 'A', 15);
const T0 = new Date('2026-11-20T08:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

/** Two open counters serving A; three clients wait; counter 1 has `x` in hand and transfers it. */
function branch(target: 'open' | 'closed' = 'open') {
  const waiting = [ticket(A, at(0)), ticket(A, at(1)), ticket(A, at(2))];
  const x: Ticket = {
    ...ticket(A, at(-5)),
    state: 'serving',
    counterId: 1,
    calledAt: at(3).toISOString(),
  };
  const c2 = { ...counter(2, { [A.id]: 1 }), state: target };
  return {
    waiting,
    x,
    state: (tickets: Ticket[]) =>
      queueState({ services: [A], counters: [counter(1, { [A.id]: 1 }), c2], tickets }),
  };
}

function transferred(position: 'front' | 'end'): { b: ReturnType<typeof branch>; moved: Ticket } {
  const b = branch();
  const d = decideTicketAction(
    b.state([...b.waiting, b.x]),
    { ticket: b.x, action: 'transfer', transfer: { counterId: 2, position }, actor: 'user:jan' },
    at(10),
  );
  if (isRefusal(d)) throw d;
  return { b, moved: d.ticket };
}

/** The order counter 2 calls the line in, one call after another. */
function callOrder(
  waiting: Ticket[],
  state: (t: Ticket[]) => ReturnType<typeof queueState>,
): string[] {
  const order: string[] = [];
  let line = waiting;
  for (let i = 0; i < waiting.length; i += 1) {
    const d = decideCallNext(state(line), { counterId: 2, actor: null }, at(11), defaultPolicy);
    if (isRefusal(d) || !d.calledId) break;
    order.push(d.calledId);
    line = line.filter((t) => t.id !== d.calledId);
  }
  return order;
}

describe('transfers to a counter', () => {
  it('"end" joins behind everyone already waiting for that counter', () => {
    const { b, moved } = transferred('end');
    const order = callOrder([...b.waiting, moved], b.state);
    expect(order).toEqual([...b.waiting.map((t) => t.id), moved.id]);
  });

  it('"front" is called next at that counter, and only there', () => {
    const { b, moved } = transferred('front');
    const order = callOrder([...b.waiting, moved], b.state);
    expect(order[0]).toBe(moved.id);
    const at1 = decideCallNext(
      b.state([...b.waiting, moved]),
      { counterId: 1, actor: null },
      at(11),
      defaultPolicy,
    );
    expect(!isRefusal(at1) && at1.calledId).toBe(b.waiting[0]!.id);
  });

  it('to a closed counter is refused as CONFLICT closed-counter, and nothing changes', () => {
    const b = branch('closed');
    const d = decideTicketAction(
      b.state([...b.waiting, b.x]),
      { ticket: b.x, action: 'transfer', transfer: { counterId: 2, position: 'end' }, actor: null },
      at(10),
    );
    expect(isRefusal(d)).toBe(true);
    const e = d as SkrError;
    expect(e.code).toBe('CONFLICT');
    expect(e.details).toMatchObject({ reason: 'closed-counter', counterId: 2 });
    expect(e.message).toMatch(/closed/);
  });

  it('to a paused counter is accepted (the clerk comes back)', () => {
    const b = branch();
    const paused = { ...counter(2, { [A.id]: 1 }), state: 'paused' as const };
    const s = queueState({
      services: [A],
      counters: [counter(1, { [A.id]: 1 }), paused],
      tickets: [...b.waiting, b.x],
    });
    const d = decideTicketAction(
      s,
      { ticket: b.x, action: 'transfer', transfer: { counterId: 2, position: 'end' }, actor: null },
      at(10),
    );
    expect(isRefusal(d)).toBe(false);
  });
});
