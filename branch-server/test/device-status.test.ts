import { describe, expect, it } from 'vitest';
import { sharedTestBranch, until } from './harness';

const b = sharedTestBranch();

describe('device health', () => {
  it('publishes a kiosk printer fault once, and its recovery, to the monitor', async () => {
    const kiosk = await b.device('kiosk', 'Biletomat hol');
    const manager = await b.login('kierownik');
    const monitor = await b.socket('/counter', manager);
    const paperOut = {
      component: 'printer',
      ok: false,
      code: 'PAPER_OUT',
      message: 'Brak papieru',
    };
    expect((await b.api('POST', '/api/v1/devices/status', kiosk, paperOut)).body).toEqual({
      changed: true,
    });
    // A heartbeat with the same state is not recorded again.
    expect((await b.api('POST', '/api/v1/devices/status', kiosk, paperOut)).body).toEqual({
      changed: false,
    });
    await b.api('POST', '/api/v1/devices/status', kiosk, { component: 'printer', ok: true });
    await until(() => monitor.events.filter((e) => e.type === 'device.status').length === 2);
    const [fault, back] = monitor.events.filter((e) => e.type === 'device.status');
    expect(fault!.device).toMatchObject({
      deviceName: 'Biletomat hol',
      kind: 'kiosk',
      ok: false,
      code: 'PAPER_OUT',
    });
    expect(back!.device!.ok).toBe(true);
    const list = await b.api('GET', '/api/v1/devices/status', manager);
    expect(list.body.statuses).toHaveLength(1);
    expect(list.body.statuses[0].ok).toBe(true);
  });

  it('refuses reports from staff and malformed reports', async () => {
    const clerk = await b.login('urzednik1');
    expect(
      (await b.api('POST', '/api/v1/devices/status', clerk, { component: 'printer', ok: true }))
        .status,
    ).toBe(403);
    const display = await b.device('display');
    expect(
      (await b.api('POST', '/api/v1/devices/status', display, { component: 'toaster', ok: true }))
        .status,
    ).toBe(400);
    expect((await b.api('GET', '/api/v1/devices/status', display)).status).toBe(403);
  });
});
