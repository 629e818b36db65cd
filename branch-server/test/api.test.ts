import { describe, expect, it } from 'vitest';
import { callApi, sharedTestBranch, startTestBranch } from './harness';

const b = sharedTestBranch();

describe('auth and roles', () => {
  it('answers health without a token and everything else only with one', async () => {
    expect((await b.api('GET', '/api/v1/health')).body).toMatchObject({ status: 'ok' });
    const r = await b.api('GET', '/api/v1/services');
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(r.body.message).toMatch(/zalogowanie/);
    expect((await b.api('GET', '/api/v1/services', 'not-a-token')).status).toBe(401);
  });

  it('refuses a wrong password and accepts the right one', async () => {
    const bad = await b.tryLogin('admin', 'wrong-password-1');
    expect(bad.status).toBe(401);
    const unknown = await b.tryLogin('nobody');
    expect(unknown.status).toBe(401);
    const ok = await b.tryLogin('kierownik');
    expect(ok.body).toMatchObject({ role: 'manager', username: 'kierownik' });
  });

  it('checks roles: 403 for the wrong one', async () => {
    const clerk = await b.login('urzednik1');
    const display = await b.device('display');
    const kiosk = await b.device('kiosk');
    expect(
      (await b.api('POST', '/api/v1/devices', clerk, { kind: 'kiosk', name: 'x' })).status,
    ).toBe(403);
    expect(
      (await b.api('POST', '/api/v1/tickets', display, { serviceId: 'emerytury' })).status,
    ).toBe(403);
    expect((await b.api('POST', '/api/v1/counters/1/call-next', kiosk)).status).toBe(403);
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' })).status).toBe(
      201,
    );
    expect((await b.api('GET', '/api/v1/queue', display)).status).toBe(200);
  });

  it('revokes a device token', async () => {
    const admin = await b.login('admin');
    const d = await b.api('POST', '/api/v1/devices', admin, { kind: 'kiosk', name: 'Biletomat 2' });
    expect((await b.api('GET', '/api/v1/services', d.body.token)).status).toBe(200);
    expect((await b.api('POST', `/api/v1/devices/${d.body.id}/revoke`, admin)).status).toBe(204);
    expect((await b.api('GET', '/api/v1/services', d.body.token)).status).toBe(401);
  });

  it('rate-limits logins per user and address', async () => {
    const strict = await startTestBranch({ loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        codes.push((await strict.tryLogin('admin', 'wrong-password-1')).status);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      // Another user from the same address is not locked out.
      const other = await strict.tryLogin('urzednik2');
      expect(other.status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('validation', () => {
  it('answers bad input with 400, a code and a message in the caller language', async () => {
    const kiosk = await b.device('kiosk');
    const r1 = await b.api('POST', '/api/v1/tickets', kiosk, {
      serviceId: 'emerytury',
      priority: 'vip',
    });
    expect(r1.status).toBe(400);
    expect(r1.body.code).toBe('INVALID');
    expect(r1.body.details.issues[0].path).toBe('priority');
    const r2 = await b.api('POST', '/api/v1/tickets', kiosk, '{"serviceId":');
    expect(r2).toMatchObject({ status: 400, body: { code: 'INVALID' } });
    const r3 = await fetch(`${b.url}/api/v1/tickets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${kiosk}`,
        'content-type': 'application/json',
        'accept-language': 'en-GB',
      },
      body: '{}',
    });
    expect(r3.status).toBe(400);
    expect(((await r3.json()) as { message: string }).message).toMatch(
      /^The request contains invalid data/,
    );
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'nope' })).status).toBe(404);
    const clerk = await b.login('urzednik3');
    expect((await b.api('POST', '/api/v1/counters/abc/open', clerk)).status).toBe(400);
    expect((await b.api('POST', '/api/v1/counters/99/open', clerk)).status).toBe(404);
    expect((await b.api('POST', '/api/v1/tickets/x/teleport', clerk)).status).toBe(404);
    const big = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'x'.repeat(100_000) });
    expect(big.status).toBe(413);
    expect((await b.api('GET', '/api/v1/health')).status).toBe(200);
  });
});

describe('a ticket from kiosk to counter', () => {
  it('issues, calls, recalls into no-show, parks, returns, transfers and finishes', async () => {
    const kiosk = await b.device('kiosk');
    const clerk = await b.login('urzednik4');
    // Counter 4 serves zasiłki (3) and orzecznictwo (1); counter 5 zasiłki and dokumenty.
    expect((await b.api('POST', '/api/v1/counters/4/open', clerk)).body.counter.state).toBe('open');
    expect((await b.api('POST', '/api/v1/counters/4/call-next', clerk)).status).toBe(204);

    const t1 = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki', lang: 'uk' });
    expect(t1.status).toBe(201);
    expect(t1.body.number).toMatch(/^B\d{3}$/);
    expect(t1.body.followUrl).toContain(`/q/${t1.body.id}`);
    const t2 = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' });
    expect(t2.body.peopleAhead).toBe(1);

    const c1 = await b.api('POST', '/api/v1/counters/4/call-next', clerk);
    expect(c1.body.ticket).toMatchObject({ id: t1.body.id, state: 'called', counterId: 4 });
    // A second call-next while a ticket is only called is refused.
    expect((await b.api('POST', '/api/v1/counters/4/call-next', clerk)).status).toBe(409);
    const r1 = await b.api('POST', `/api/v1/tickets/${t1.body.id}/recall`, clerk);
    expect(r1.body.ticket.recalls).toBe(1);
    await b.api('POST', `/api/v1/tickets/${t1.body.id}/recall`, clerk);
    const r3 = await b.api('POST', `/api/v1/tickets/${t1.body.id}/recall`, clerk);
    expect(r3.body.ticket.state).toBe('no-show');

    const c2 = await b.api('POST', '/api/v1/counters/4/call-next', clerk);
    expect(c2.body.ticket.id).toBe(t2.body.id);
    await b.api('POST', `/api/v1/tickets/${t2.body.id}/start`, clerk);
    expect(
      (await b.api('POST', `/api/v1/tickets/${t2.body.id}/park`, clerk)).body.ticket.state,
    ).toBe('parked');
    const t3 = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' });
    const back = await b.api('POST', `/api/v1/tickets/${t2.body.id}/return`, clerk);
    expect(back.body.ticket).toMatchObject({ state: 'waiting', targetCounterId: 4 });
    // The returned client goes before t3 although t3 waited in the line.
    expect((await b.api('POST', '/api/v1/counters/4/call-next', clerk)).body.ticket.id).toBe(
      t2.body.id,
    );
    await b.api('POST', `/api/v1/tickets/${t2.body.id}/start`, clerk);

    const tr = await b.api('POST', `/api/v1/tickets/${t2.body.id}/transfer`, clerk, {
      serviceId: 'orzecznictwo',
      position: 'front',
    });
    expect(tr.body.ticket).toMatchObject({
      state: 'waiting',
      serviceId: 'orzecznictwo',
      number: t2.body.number,
      transfers: 1,
    });
    const bad = await b.api('POST', `/api/v1/tickets/${t3.body.id}/transfer`, clerk, {
      serviceId: 'a',
      counterId: 1,
    });
    expect(bad.status).toBe(400);

    // Counter 4 serves orzecznictwo with weight 1 and zasiłki with 3, yet the transferred ticket
    // was put at the front and waited longest.
    const c3 = await b.api('POST', '/api/v1/counters/4/call-next', clerk);
    expect([t2.body.id, t3.body.id]).toContain(c3.body.ticket.id);
    await b.api('POST', `/api/v1/tickets/${c3.body.ticket.id}/start`, clerk);
    const fin = await b.api('POST', `/api/v1/tickets/${c3.body.ticket.id}/finish`, clerk);
    expect(fin.body.ticket.state).toBe('done');
    expect((await b.api('POST', `/api/v1/tickets/${c3.body.ticket.id}/finish`, clerk)).status).toBe(
      409,
    );

    const pub = await callApi(b.url, 'GET', `/api/v1/public/tickets/${t3.body.id}`);
    expect(pub.status).toBe(200);
    expect(Object.keys(pub.body).sort()).toEqual([
      'branchTime',
      'counterName',
      'counterSign',
      'number',
      'peopleAhead',
      'serviceId',
      'state',
    ]);
  });

  it('checks in a booking at its booked time and answers a second check-in with the same ticket', async () => {
    const manager = await b.login('kierownik');
    const kiosk = await b.device('kiosk');
    const bookedFor = new Date(Date.now() + 10 * 60_000).toISOString();
    expect(
      (
        await b.api('POST', '/api/v1/bookings', manager, {
          code: 'ZUS7Q2',
          serviceId: 'skladki',
          bookedFor,
        })
      ).status,
    ).toBe(201);
    const t = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: 'zus7q2' });
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({ serviceId: 'skladki', bookedFor });
    const again = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: 'ZUS7Q2' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(t.body.id);
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: 'NOSUCH1' })).status).toBe(
      404,
    );
  });

  it('pauses and closes a counter, refusing to close with a ticket in hand', async () => {
    const clerk = await b.login('urzednik7');
    const kiosk = await b.device('kiosk');
    await b.api('POST', '/api/v1/counters/7/open', clerk);
    await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'skladki' });
    const called = await b.api('POST', '/api/v1/counters/7/call-next', clerk);
    expect(called.status).toBe(200);
    expect((await b.api('POST', '/api/v1/counters/7/close', clerk)).status).toBe(409);
    await b.api('POST', `/api/v1/tickets/${called.body.ticket.id}/finish`, clerk);
    const p = await b.api('POST', '/api/v1/counters/7/pause', clerk, { reason: 'przerwa' });
    expect(p.body.counter).toMatchObject({ state: 'paused', pauseReason: 'przerwa' });
    expect((await b.api('POST', '/api/v1/counters/7/call-next', clerk)).status).toBe(409);
    expect((await b.api('POST', '/api/v1/counters/7/pause', clerk, {})).status).toBe(400);
    expect((await b.api('POST', '/api/v1/counters/7/close', clerk)).body.counter.state).toBe(
      'closed',
    );
  });

  it("refuses a clerk's action on a ticket at another clerk's counter", async () => {
    const kiosk = await b.device('kiosk');
    const mine = await b.login('urzednik9');
    const other = await b.login('urzednik10');
    await b.api('POST', '/api/v1/counters/9/open', mine);
    await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'pue-profil' });
    const called = await b.api('POST', '/api/v1/counters/9/call-next', mine);
    const id = called.body.ticket.id;
    const r = await b.api('POST', `/api/v1/tickets/${id}/finish`, other);
    expect(r).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    // A manager may step in.
    const manager = await b.login('kierownik');
    expect((await b.api('POST', `/api/v1/tickets/${id}/start`, manager)).status).toBe(200);
    expect((await b.api('POST', `/api/v1/tickets/${id}/finish`, mine)).status).toBe(200);
  });
});

describe('requests refused before routing', () => {
  it('answers over-long headers with our error body', async () => {
    const r = await fetch(`${b.url}/api/v1/health`, { headers: { 'x-junk': 'x'.repeat(20_000) } });
    expect(r.status).toBe(431);
    expect(await r.json()).toMatchObject({ code: 'INVALID' });
    expect((await b.api('GET', '/api/v1/health')).status).toBe(200);
  });
});
