import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';

// The server's clock, moved by the session-expiry test.
let offsetMs = 0;
const b = sharedTestBranch({ now: () => new Date(Date.now() + offsetMs) });

/** A fresh sign-in (the harness caches tokens; these tests need new ones after a clock move). */
async function signIn(username: string): Promise<string> {
  const r = await b.tryLogin(username);
  expect(r.status).toBe(200);
  return r.body.token as string;
}

/** Signs `clerk` in, opens `counter` as them (200) and has a kiosk issue one `serviceId` ticket. */
async function openWithClient(counter: number, clerk: string, serviceId: string): Promise<string> {
  const token = await signIn(clerk);
  expect((await b.api('POST', `/api/v1/counters/${counter}/open`, token)).status).toBe(200);
  await b.api('POST', '/api/v1/tickets', await b.device('kiosk'), { serviceId });
  return token;
}

describe('counter ownership (real server)', () => {
  it('only the clerk at a counter opens, calls, pauses or closes there', async () => {
    const jan = await openWithClient(1, 'urzednik1', 'emerytury');
    const ewa = await signIn('urzednik2');

    const open = await b.api('POST', '/api/v1/counters/1/open', ewa);
    expect(open.status).toBe(403);
    expect(open.body).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'held-by-other' } });
    // The clerk reads why in Polish, with the counter's name and no internal English reason.
    expect(open.body.message).toMatch(/^Stanowisko „.+” jest otwarte przez innego urzędnika/);
    expect(open.body.message).not.toMatch(/held by/);
    for (const act of ['call-next', 'pause', 'close']) {
      const r = await b.api('POST', `/api/v1/counters/1/${act}`, ewa, { reason: 'przerwa' });
      expect([act, r.status, r.body.details?.reason]).toEqual([act, 403, 'not-your-counter']);
    }
    // Nothing changed: still Jan's, and the client still waits.
    const c1 = b.branch.counters().find((c) => c.id === 1)!;
    expect(c1).toMatchObject({ state: 'open', clerk: 'urzednik1' });
    const called = await b.api('POST', '/api/v1/counters/1/call-next', jan);
    expect(called.status).toBe(200);
    await b.api('POST', `/api/v1/tickets/${called.body.ticket.id}/finish`, jan);
  });

  it('a clerk holds one counter at a time', async () => {
    const jan = await signIn('urzednik1');
    const r = await b.api('POST', '/api/v1/counters/2/open', jan);
    expect(r.status).toBe(409);
    expect(r.body.details).toMatchObject({ reason: 'holds-other-counter', counterId: 1 });
    expect(r.body.message).toMatch(/^Masz już otwarte stanowisko „.+”\. Zamknij je/);
    // After closing counter 1 he may open counter 2 (and reopening his own is no refusal).
    expect((await b.api('POST', '/api/v1/counters/1/open', jan)).status).toBe(200);
    expect((await b.api('POST', '/api/v1/counters/1/close', jan)).status).toBe(200);
    expect((await b.api('POST', '/api/v1/counters/2/open', jan)).status).toBe(200);
    expect((await b.api('POST', '/api/v1/counters/2/close', jan)).status).toBe(200);
  });

  it('a manager may step in; the step-in is audited with the actor', async () => {
    const ola = await openWithClient(5, 'urzednik5', 'zasilki');
    const boss = await signIn('kierownik');
    const call = await b.api('POST', '/api/v1/counters/5/call-next', boss);
    expect(call.status).toBe(200);
    await b.api('POST', `/api/v1/tickets/${call.body.ticket.id}/finish`, ola);
    expect((await b.api('POST', '/api/v1/counters/5/close', boss)).status).toBe(200);

    const audit = await b.api('GET', '/api/v1/config/audit', await signIn('admin'));
    const stepIns = (audit.body.entries as { actor: string; entityId: string; diff: any }[])
      .filter((e) => e.entityId === '5' && e.diff.stepIn)
      .map((e) => [e.actor, e.diff.stepIn.before, e.diff.stepIn.after]);
    expect(stepIns).toEqual(
      expect.arrayContaining([
        ['user:kierownik', 'urzednik5', 'manager:kierownik:call'],
        ['user:kierownik', 'urzednik5', 'manager:kierownik:close'],
      ]),
    );
    const events = b.branch.eventsSince(0, 1000);
    const closed = events.filter((e) => e.type === 'counter.closed' && e.counter?.id === 5);
    expect(closed.at(-1)?.actor).toBe('user:kierownik');
  });

  it('an expired session leaves the counter open; another clerk may reclaim it then', async () => {
    const adam = await openWithClient(8, 'urzednik8', 'ubezpieczenia');
    const zofia = await signIn('urzednik9');
    const inHand = await b.api('POST', '/api/v1/counters/8/call-next', adam);
    await b.api('POST', `/api/v1/tickets/${inHand.body.ticket.id}/start`, adam);
    // While Adam is signed in, Zofia may not take his counter (she holds none).
    expect((await b.api('POST', '/api/v1/counters/8/open', zofia)).status).toBe(403);

    offsetMs = 13 * 3600_000; // past the 12 h session
    expect((await b.api('GET', '/api/v1/counters', adam)).status).toBe(401);
    // The counter stayed open with the client in hand: nothing was dropped by the expiry.
    expect(b.branch.counters().find((c) => c.id === 8)).toMatchObject({
      state: 'open',
      clerk: 'urzednik8',
    });
    const zofia2 = await signIn('urzednik9');
    const reclaim = await b.api('POST', '/api/v1/counters/8/open', zofia2);
    expect(reclaim.status).toBe(200);
    expect(reclaim.body.counter).toMatchObject({ state: 'open', clerk: 'urzednik9' });
    // She now serves the client Adam left in hand.
    const fin = await b.api('POST', `/api/v1/tickets/${inHand.body.ticket.id}/finish`, zofia2);
    expect(fin.body.ticket.state).toBe('done');
    // Adam signing in again finds the counter taken.
    const adam2 = await signIn('urzednik8');
    expect((await b.api('POST', '/api/v1/counters/8/call-next', adam2)).status).toBe(403);
  });
});
