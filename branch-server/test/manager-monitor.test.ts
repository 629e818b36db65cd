import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';

let clock = Date.parse('2026-03-10T08:00:00Z');
const b = sharedTestBranch({ now: () => new Date(clock) });

describe('live monitor', () => {
  it('shows lines against targets, counters, devices and alerts', async () => {
    const manager = await b.login('kierownik');
    const clerk = await b.login('urzednik1');
    const kioskToken = await b.device('kiosk', 'Biletomat wejście');
    const kiosk = await b.socket('/kiosk', kioskToken);
    const screenToken = await b.device('display', 'Ekran sala B');
    await b.api('POST', '/api/v1/tickets', kioskToken, { serviceId: 'dokumenty' }); // target 5 min
    await b.api('POST', '/api/v1/tickets', kioskToken, { serviceId: 'emerytury' }); // target 20
    clock += 6 * 60_000;
    await b.api('POST', '/api/v1/counters/1/open', clerk);
    const called = await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    await b.api('POST', `/api/v1/tickets/${called.body.ticket.id}/start`, clerk);
    clock += 4 * 60_000;
    await b.api('POST', '/api/v1/devices/status', kioskToken, {
      component: 'printer',
      ok: false,
      code: 'PAPER_OUT',
      message: 'Brak papieru',
    });

    const r = await b.api('GET', '/api/v1/manager/monitor', manager);
    expect(r.status).toBe(200);
    const m = r.body;
    const docs = m.lines.find((l: any) => l.serviceId === 'dokumenty');
    expect(docs).toMatchObject({ waiting: 1, targetWaitMinutes: 5, level: 'over', prefix: 'G' });
    expect(docs.longestWaitMinutes).toBeCloseTo(10, 0);
    expect(m.lines.find((l: any) => l.serviceId === 'zasilki')).toMatchObject({
      waiting: 0,
      level: 'ok',
    });
    const c1 = m.counters.find((c: any) => c.id === 1);
    expect(c1).toMatchObject({ state: 'open', clerk: 'urzednik1', ticketMinutes: 4 });
    expect(c1.ticket.serviceId).toBe('emerytury');
    expect(c1.stateSince).toBe('2026-03-10T08:06:00.000Z');
    expect(m.counters.find((c: any) => c.id === 2)).toMatchObject({
      state: 'closed',
      ticket: null,
    });
    const k = m.devices.find((d: any) => d.name === 'Biletomat wejście');
    expect(k).toMatchObject({ kind: 'kiosk', online: true });
    expect(k.components[0]).toMatchObject({ component: 'printer', ok: false, code: 'PAPER_OUT' });
    expect(m.devices.find((d: any) => d.name === 'Ekran sala B').online).toBe(false);
    const kinds = m.alerts.map((a: any) => `${a.kind}:${a.code ?? a.subject}`);
    expect(kinds).toContain('target-missed:dokumenty');
    expect(kinds).toContain('device-fault:PAPER_OUT');
    expect(kinds).toContain('device-offline:OFFLINE');
    expect(kinds).not.toContain('target-missed:emerytury');

    // The screen connects and the kiosk's printer is refilled: both alerts clear.
    await b.socket('/display', screenToken);
    await b.api('POST', '/api/v1/devices/status', kioskToken, { component: 'printer', ok: true });
    const after = (await b.api('GET', '/api/v1/manager/monitor', manager)).body;
    expect(after.alerts.map((a: any) => a.kind)).toEqual(['target-missed']);
    kiosk.close();
  });

  it('is closed to clerks and devices', async () => {
    expect((await b.api('GET', '/api/v1/manager/monitor', await b.login('urzednik2'))).status).toBe(
      403,
    );
    expect((await b.api('GET', '/api/v1/manager/monitor', await b.device('display'))).status).toBe(
      403,
    );
  });
});
