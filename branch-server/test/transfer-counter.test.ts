import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';

const b = sharedTestBranch();

describe('transfer to a counter (real server)', () => {
  it('refuses a closed counter with CONFLICT closed-counter; "end" queues behind the line', async () => {
    const kiosk = await b.device('kiosk');
    // Counters 6 and 7 both serve składki; 7 starts closed.
    const jan = await b.login('urzednik6');
    const ewa = await b.login('urzednik7');
    expect((await b.api('POST', '/api/v1/counters/6/open', jan)).status).toBe(200);
    const issue = async () =>
      (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'skladki' })).body.id as string;
    const x = await issue();
    const others = [await issue(), await issue(), await issue()];

    expect((await b.api('POST', '/api/v1/counters/6/call-next', jan)).body.ticket.id).toBe(x);
    await b.api('POST', `/api/v1/tickets/${x}/start`, jan);

    const closed = await b.api('POST', `/api/v1/tickets/${x}/transfer`, jan, {
      counterId: 7,
      position: 'end',
    });
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'closed-counter', counterId: 7 },
    });
    expect(closed.body.message).toMatch(/closed/);
    // Refused means untouched: the client is still being served at counter 6.
    const snap = (await b.api('GET', '/api/v1/queue', jan)).body;
    expect(JSON.stringify(snap)).toContain(x);

    expect((await b.api('POST', '/api/v1/counters/7/open', ewa)).status).toBe(200);
    const moved = await b.api('POST', `/api/v1/tickets/${x}/transfer`, jan, {
      counterId: 7,
      position: 'end',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ state: 'waiting', targetCounterId: 7 });

    const calledAt7: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const c = await b.api('POST', '/api/v1/counters/7/call-next', ewa);
      calledAt7.push(c.body.ticket.id);
      await b.api('POST', `/api/v1/tickets/${c.body.ticket.id}/finish`, ewa);
    }
    expect(calledAt7).toEqual([...others, x]);
  });
});
