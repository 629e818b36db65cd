import { describe, expect, it } from 'vitest';
import { defaultPolicy, fifoPolicy } from './calling-policy';
import { isRefusal } from './domain-error';
import { estimateWait, MAX_ESTIMATE_MINUTES, typicalServiceMinutes } from './estimate';
import { decideIssue } from './issue-decision';
import { counter, queueState, service, ticket } from './test-fixtures';

const A = service('emerytury', 'A', 15);
const c1 = counter(1, { [A.id]: 1 });

describe('line order follows events, not the wall clock', () => {
  it('a ticket issued after a backward clock step joins behind everyone', () => {
    const first = ticket(A, new Date('2026-11-20T10:00:00Z'));
    const s = queueState({ services: [A], counters: [c1], tickets: [first] });
    // The server's clock stepped back an hour.
    const stepped = new Date('2026-11-20T09:00:00Z');
    const d = decideIssue(
      s,
      {
        id: 'late',
        serviceId: A.id,
        lang: 'pl',
        priority: null,
        actor: null,
        nextSequence: () => 2,
      },
      stepped,
    );
    if (isRefusal(d)) throw d;
    const later = d.created!;
    expect(later.lineAt > first.lineAt).toBe(true);
    // The later ticket is told one person is ahead, and the counter calls the first one first.
    const est = estimateWait({
      serviceId: A.id,
      priority: false,
      now: new Date(later.lineAt),
      waiting: [first],
      counters: [c1],
      recentServiceMinutes: [],
    });
    expect(est.peopleAhead).toBe(1);
    const view = {
      now: new Date('2026-11-20T10:05:00Z'),
      counter: c1,
      waiting: [later, first],
      services: s.services,
      counters: s.counters,
      settings: s.settings,
      regularSincePriority: 0,
    };
    expect(defaultPolicy(view)?.id).toBe(first.id);
    expect(fifoPolicy(view)?.id).toBe(first.id);
  });

  it('without a clock step a walk-in keeps its own time as its line position', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const s = queueState({ services: [A], counters: [c1], tickets: [] });
    const d = decideIssue(
      s,
      { id: 'x', serviceId: A.id, lang: 'pl', priority: null, actor: null, nextSequence: () => 1 },
      now,
    );
    if (isRefusal(d)) throw d;
    expect(d.created!.lineAt).toBe(now.toISOString());
  });
});

describe('estimates', () => {
  it('ignore a ticket forgotten in service overnight', () => {
    expect(typicalServiceMinutes([6, 10, 1500])).toBe(8);
  });

  it('are capped', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const waiting = Array.from({ length: 200 }, () => ticket(A, new Date(now.getTime() - 60_000)));
    const est = estimateWait({
      serviceId: A.id,
      priority: false,
      now,
      waiting,
      counters: [c1],
      recentServiceMinutes: [20],
    });
    expect(est.peopleAhead).toBe(200);
    expect(est.estimatedWaitMinutes).toBe(MAX_ESTIMATE_MINUTES);
  });
});
