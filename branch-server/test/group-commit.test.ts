import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';

const b = sharedTestBranch();

describe('group commit of tickets issued together', () => {
  it('numbers a burst of tickets without gaps or repeats and counts each one ahead of the next', async () => {
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => b.branch.issue({ serviceId: 'skladki' }, 'test')),
    );
    expect(burst.map((r) => r.ticket.number)).toEqual(
      Array.from({ length: 20 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`),
    );
    expect(burst.map((r) => r.ticket.peopleAhead)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // All of them are in the log, in order.
    const issued = b.branch
      .eventsSince(0)
      .filter((e) => e.type === 'ticket.issued' && e.ticket!.serviceId === 'skladki');
    expect(issued.map((e) => e.ticket!.number)).toEqual(burst.map((r) => r.ticket.number));
  });

  it('lets one refused change fail alone, and one booking check in once', async () => {
    const manager = await b.login('kierownik');
    await b.api('POST', '/api/v1/bookings', manager, {
      code: 'GRP001',
      serviceId: 'zasilki',
      bookedFor: new Date().toISOString(),
    });
    const results = await Promise.allSettled([
      b.branch.issue({ serviceId: 'zasilki' }, 'test'),
      b.branch.issue({ serviceId: 'no-such-service' }, 'test'),
      b.branch.issue({ bookingCode: 'GRP001' }, 'test'),
      b.branch.issue({ bookingCode: 'GRP001' }, 'test'),
      b.branch.issue({ serviceId: 'zasilki' }, 'test'),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    const [first, , c1, c2] = results as PromiseFulfilledResult<
      Awaited<ReturnType<typeof b.branch.issue>>
    >[];
    expect(c1!.value.created).toBe(true);
    expect(c2!.value.created).toBe(false);
    expect(c2!.value.ticket.id).toBe(c1!.value.ticket.id);
    expect(first!.value.ticket.number).toMatch(/^B\d{3}$/);
  });
});
