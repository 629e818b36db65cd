import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBranch, type TestBranch, until } from './harness';

let b: TestBranch;
let admin: string;
let manager: string;
beforeAll(async () => {
  b = await startTestBranch();
  admin = await b.login('admin');
  manager = await b.login('kierownik');
});
afterAll(() => b.close());

const svc = (over: object = {}) => ({
  id: 'emerytury',
  prefix: 'A',
  names: { pl: 'Emerytury', en: 'Pensions', uk: 'Пенсії' },
  group: 'swiadczenia',
  order: 1,
  targetWaitMinutes: 25,
  active: true,
  openingHours: { days: [1, 2, 3, 4, 5], from: '08:00', to: '15:00' },
  ...over,
});

describe('configuration without restart', () => {
  it('changes a service live, audits who/when/what and tells every screen', async () => {
    const display = await b.socket('/display', await b.device('display'));
    const r = await b.api('PUT', '/api/v1/config/services/emerytury', admin, svc());
    expect(r.status).toBe(200);
    expect(r.body.diff.targetWaitMinutes).toEqual({ before: 20, after: 25 });
    // The running branch uses it at once.
    const live = await b.api('GET', '/api/v1/services', manager);
    expect(live.body.services.find((s: any) => s.id === 'emerytury')).toMatchObject({
      names: { pl: 'Emerytury' },
      targetWaitMinutes: 25,
    });
    expect(b.branch.view().services.get('emerytury')!.targetWaitMinutes).toBe(25);
    await until(() => display.events.some((e) => e.type === 'config.changed'));
    const audit = await b.api('GET', '/api/v1/config/audit?limit=5', manager);
    expect(audit.body.entries[0]).toMatchObject({
      actor: 'user:admin',
      entity: 'service',
      entityId: 'emerytury',
      action: 'update',
      diff: { targetWaitMinutes: { before: 20, after: 25 } },
    });
    const cfg = await b.api('GET', '/api/v1/config', manager);
    expect(cfg.body.services.find((s: any) => s.id === 'emerytury').openingHours.to).toBe('15:00');
    // A new service can be issued at once.
    await b.api(
      'PUT',
      '/api/v1/config/services/emerytury-2',
      admin,
      svc({ id: 'emerytury-2', prefix: 'J', order: 9, openingHours: null }),
    );
    const t = await b.api('POST', '/api/v1/tickets', await b.device('kiosk'), {
      serviceId: 'emerytury-2',
    });
    expect(t.status).toBe(201);
    expect(t.body.number ?? t.body.ticket.number).toMatch(/^J/);
  });

  it('refuses a prefix in use, a manager writing and an unchanged save leaves no audit', async () => {
    const clash = await b.api(
      'PUT',
      '/api/v1/config/services/zasilki',
      admin,
      svc({ id: 'zasilki', prefix: 'A' }),
    );
    expect(clash.status).toBe(409);
    expect((await b.api('PUT', '/api/v1/config/services/emerytury', manager, svc())).status).toBe(
      403,
    );
    expect((await b.api('PUT', '/api/v1/config/settings', manager, {})).status).toBe(403);
    const before = (await b.api('GET', '/api/v1/config/audit', admin)).body.entries.length;
    expect(
      (await b.api('PUT', '/api/v1/config/services/emerytury', admin, svc())).body.diff,
    ).toEqual({});
    expect((await b.api('GET', '/api/v1/config/audit', admin)).body.entries.length).toBe(before);
    expect(
      (await b.api('PUT', '/api/v1/config/services/emerytury', admin, svc({ prefix: 'AA' })))
        .status,
    ).toBe(400);
  });

  it('changes counter skills and queue rules while a counter is open, keeping its state', async () => {
    const clerk = await b.login('urzednik3');
    await b.api('POST', '/api/v1/counters/3/open', clerk);
    const r = await b.api('PUT', '/api/v1/config/counters/3', admin, {
      name: 'Stanowisko 3 (emerytury)',
      skills: { emerytury: 3, zasilki: 2 },
    });
    expect(r.status).toBe(200);
    expect(r.body.counter).toMatchObject({
      state: 'open',
      clerk: 'urzednik3',
      skills: { zasilki: 2 },
    });
    expect(b.branch.view().counters.get(3)).toMatchObject({
      state: 'open',
      name: 'Stanowisko 3 (emerytury)',
    });
    expect(
      (await b.api('PUT', '/api/v1/config/counters/3', admin, { name: 'x', skills: { nope: 1 } }))
        .status,
    ).toBe(400);
    const created = await b.api('POST', '/api/v1/config/counters', admin, {
      name: 'Stanowisko 13',
      skills: { ogolne: 1 },
    });
    expect(created.status).toBe(201);
    expect(created.body.counter).toMatchObject({ id: 13, state: 'closed' });
    const s = await b.api('PUT', '/api/v1/config/settings', admin, {
      maxRecalls: 3,
      lateArrivalMinutes: 20,
      earlyArrivalMinutes: 60,
      regularPerPriority: 3,
      starvationFactor: 2,
      hardWaitMinutes: 60,
    });
    expect(s.body.diff).toEqual({
      maxRecalls: { before: 2, after: 3 },
      lateArrivalMinutes: { before: 15, after: 20 },
      regularPerPriority: { before: 2, after: 3 },
      hardWaitMinutes: { before: 35, after: 60 },
    });
    expect(b.branch.settings()).toMatchObject({
      maxRecalls: 3,
      hardWaitMinutes: 60,
      timeZone: 'Europe/Warsaw',
    });
    // Out of its range: a clear 400, nothing saved.
    const bad = await b.api('PUT', '/api/v1/config/settings', admin, {
      maxRecalls: 3,
      lateArrivalMinutes: 20,
      earlyArrivalMinutes: 60,
      regularPerPriority: 3,
      starvationFactor: 2,
      hardWaitMinutes: 5,
    });
    expect(bad.status).toBe(400);
    expect(b.branch.settings().hardWaitMinutes).toBe(60);
  });

  it('manages users: new accounts log in, a role change ends sessions, the last admin stays', async () => {
    const r = await b.api('PUT', '/api/v1/config/users/nowy.urzednik', admin, {
      role: 'clerk',
      active: true,
      password: 'bardzo-tajne-haslo-1',
    });
    expect(r.status).toBe(200);
    expect(r.body.diff.password).toEqual({ before: null, after: '***' });
    const login = await b.tryLogin('nowy.urzednik', 'bardzo-tajne-haslo-1');
    expect(login.status).toBe(200);
    const token = login.body.token;
    expect((await b.api('GET', '/api/v1/queue', token)).status).toBe(200);
    await b.api('PUT', '/api/v1/config/users/nowy.urzednik', admin, {
      role: 'manager',
      active: true,
    });
    expect((await b.api('GET', '/api/v1/queue', token)).status).toBe(401);
    const audit = (await b.api('GET', '/api/v1/config/audit?limit=1', admin)).body.entries[0];
    expect(audit.diff).toEqual({ role: { before: 'clerk', after: 'manager' } });
    expect(JSON.stringify((await b.api('GET', '/api/v1/config', admin)).body)).not.toContain(
      'bardzo',
    );
    expect(
      (await b.api('PUT', '/api/v1/config/users/admin', admin, { role: 'manager', active: true }))
        .status,
    ).toBe(409);
    expect(
      (await b.api('PUT', '/api/v1/config/users/nobody', admin, { role: 'clerk', active: true }))
        .status,
    ).toBe(400);
    expect(
      (
        await b.api('PUT', '/api/v1/config/users/x', admin, {
          role: 'clerk',
          active: true,
          password: 'short',
        })
      ).status,
    ).toBe(400);
  });

  it('pairs, configures and revokes devices, all audited', async () => {
    const d = await b.api('POST', '/api/v1/config/devices', admin, {
      kind: 'display',
      name: 'Ekran hol',
    });
    expect(d.status).toBe(201);
    const cfg = {
      services: ['emerytury'],
      voiceLang: 'pl',
      volume: 0.5,
      message: 'Witamy',
      historySize: 6,
    };
    expect(
      (await b.api('PUT', `/api/v1/config/devices/${d.body.id}/display`, admin, cfg)).status,
    ).toBe(200);
    expect((await b.api('GET', '/api/v1/display/config', d.body.token)).body.config).toEqual(cfg);
    const listed = (await b.api('GET', '/api/v1/config', manager)).body.devices.find(
      (x: any) => x.id === d.body.id,
    );
    expect(listed.displayConfig.volume).toBe(0.5);
    expect((await b.api('POST', `/api/v1/config/devices/${d.body.id}/revoke`, admin)).status).toBe(
      204,
    );
    expect((await b.api('GET', '/api/v1/display/config', d.body.token)).status).toBe(401);
    expect((await b.api('POST', `/api/v1/config/devices/${d.body.id}/revoke`, admin)).status).toBe(
      404,
    );
    const entries = (await b.api('GET', '/api/v1/config/audit?limit=3', admin)).body.entries;
    expect(entries.map((e: any) => `${e.entity}:${e.action}`)).toEqual([
      'device:revoke',
      'display:create',
      'device:create',
    ]);
    expect(entries.every((e: any) => e.entityId === d.body.id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(d.body.token);
    // The audit is append-only, down in SQLite too.
    expect(() => b.server.db.prepare('DELETE FROM config_audit').run()).toThrow(/append-only/);
  });
});
