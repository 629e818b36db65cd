import Database from 'better-sqlite3';
import type { Principal } from '@skr/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, startTestBranch, TEST_PASSWORD, type TestBranch, until } from './harness';
import { namespaceCases, registeredRoutes, routeCases } from './security-matrix';

// Every route and namespace against every role: a display token cannot call a ticket, a
// kiosk cannot read statistics, a clerk cannot configure; tokens are revocable; passwords
// are hashed and login is rate-limited.
let b: TestBranch;
const tokens = new Map<Principal | 'none', string | undefined>();
beforeAll(async () => {
  b = await startTestBranch({ serveApps: false });
  tokens.set('none', undefined);
  tokens.set('admin', await b.login('admin'));
  tokens.set('manager', await b.login('kierownik'));
  tokens.set('clerk', await b.login('urzednik1'));
  tokens.set('kiosk', await b.device('kiosk'));
  tokens.set('display', await b.device('display'));
  tokens.set('board', await b.device('board'));
});
afterAll(() => b?.close());

describe('role matrix over every HTTP route', () => {
  it('names every route the server has', () => {
    const have = registeredRoutes(b.server.app.printRoutes({ commonPrefix: false }));
    const named = new Set(routeCases.map((c) => `${c.method} ${c.route}`));
    named.add('POST /api/v1/auth/logout');
    expect(have.filter((r) => !named.has(r))).toEqual([]);
    expect([...named].filter((r) => !have.includes(r))).toEqual([]);
  });

  for (const c of routeCases) {
    it(`${c.method} ${c.route}`, async () => {
      for (const [role, token] of tokens) {
        const r = await b.api(c.method, c.path, token, c.body);
        const what = `${role} → ${r.status} ${JSON.stringify(r.body)}`;
        expect(r.status, what).toBeLessThan(500 + (r.body?.code === 'UNAVAILABLE' ? 4 : 0));
        if (c.who === 'anyone') {
          expect([401, 403], what).not.toContain(r.status);
        } else if (role === 'none') {
          expect(r.status, what).toBe(401);
          expect(r.body.code).toBe('UNAUTHORIZED');
        } else if (c.who.includes(role)) {
          expect([401, 403], what).not.toContain(r.status);
        } else {
          expect(r.status, what).toBe(403);
          expect(r.body.code).toBe('FORBIDDEN');
        }
      }
    });
  }
});

describe('the cases the issue names', () => {
  it('a display token cannot call or act on a ticket; the queue is unchanged', async () => {
    const clerk = tokens.get('clerk')!;
    const display = tokens.get('display')!;
    await b.api('POST', '/api/v1/counters/1/open', clerk);
    const t = await b.api('POST', '/api/v1/tickets', tokens.get('kiosk'), { serviceId: 'ogolne' });
    expect(t.status).toBe(201);
    const seq = b.branch.lastSeq();
    expect((await b.api('POST', '/api/v1/counters/1/call-next', display)).status).toBe(403);
    expect((await b.api('POST', `/api/v1/tickets/${t.body.id}/cancel`, display)).status).toBe(403);
    expect((await b.api('POST', '/api/v1/tickets', display, { serviceId: 'ogolne' })).status).toBe(
      403,
    );
    expect(b.branch.lastSeq()).toBe(seq);
  });

  it('a kiosk cannot read statistics or the monitor; a clerk cannot configure', async () => {
    const kiosk = tokens.get('kiosk')!;
    const clerk = tokens.get('clerk')!;
    const stats = await b.api('GET', '/api/v1/manager/stats?period=day&date=2026-11-23', kiosk);
    expect(stats.status).toBe(403);
    expect((await b.api('GET', '/api/v1/manager/monitor', kiosk)).status).toBe(403);
    const before = await b.api('GET', '/api/v1/config', tokens.get('admin'));
    const svc = before.body.services?.[0] ?? { id: 'ogolne' };
    const r = await b.api('PUT', `/api/v1/config/services/${svc.id}`, clerk, {
      ...svc,
      targetWaitMinutes: 99,
    });
    expect(r.status).toBe(403);
    const after = await b.api('GET', '/api/v1/config', tokens.get('admin'));
    expect(after.body).toEqual(before.body);
  });
});

describe('socket namespaces', () => {
  for (const n of namespaceCases) {
    it(`${n.ns} admits only ${n.who.join(', ')}`, async () => {
      for (const [role, token] of tokens) {
        const connecting = connectSocket(b.url, n.ns, token ?? '');
        if (role !== 'none' && (n.who as readonly string[]).includes(role)) {
          const s = await connecting;
          const ack = await s.socket.timeout(2000).emitWithAck('queue:snapshot');
          expect(ack.ok).toBe(true);
          s.close();
        } else {
          await expect(connecting, `${role} on ${n.ns}`).rejects.toThrow(
            role === 'none' ? /token/ : /may not/,
          );
        }
      }
    });
  }
});

describe('tokens, passwords and login', () => {
  it('a revoked device token is refused at once, over HTTP and sockets', async () => {
    const admin = tokens.get('admin')!;
    const made = await b.api('POST', '/api/v1/devices', admin, {
      kind: 'display',
      name: 'ekran 9',
    });
    const token = made.body.token as string;
    expect((await b.api('GET', '/api/v1/queue', token)).status).toBe(200);
    const live = await connectSocket(b.url, '/display', token);
    expect((await b.api('POST', `/api/v1/devices/${made.body.id}/revoke`, admin)).status).toBe(204);
    expect((await b.api('GET', '/api/v1/queue', token)).status).toBe(401);
    await expect(connectSocket(b.url, '/display', token)).rejects.toThrow(/invalid/);
    // A screen already connected when its device is revoked is cut off too.
    await until(() => !live.socket.connected, 3000);
    live.close();
  });

  it('logout revokes a staff token', async () => {
    const r = await b.tryLogin('urzednik2');
    const token = r.body.token as string;
    expect((await b.api('GET', '/api/v1/queue', token)).status).toBe(200);
    expect((await b.api('POST', '/api/v1/auth/logout', token)).status).toBe(204);
    expect((await b.api('GET', '/api/v1/queue', token)).status).toBe(401);
    expect((await b.api('POST', '/api/v1/auth/logout', token)).status).toBe(401);
    expect((await b.api('POST', '/api/v1/auth/logout')).status).toBe(401);
  });

  it('stores passwords as salted scrypt hashes and tokens only as SHA-256', async () => {
    const db = new Database(`${b.dir}/branch.sqlite`, { readonly: true });
    try {
      const dump = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        .all()
        .map((t) =>
          JSON.stringify(db.prepare(`SELECT * FROM "${(t as { name: string }).name}"`).all()),
        )
        .join('\n');
      expect(dump).not.toContain(TEST_PASSWORD);
      for (const [, token] of tokens) if (token) expect(dump).not.toContain(token);
      const hashes = dump.match(/scrypt\$\d+\$\d+\$\d+\$[^"$]+\$[^"$]+/g) ?? [];
      expect(hashes.length).toBeGreaterThanOrEqual(14);
      expect(new Set(hashes).size).toBe(hashes.length); // salted: equal passwords, other hashes
    } finally {
      db.close();
    }
  });

  it('rate-limits login per address and user name, and answers wrong passwords alike', async () => {
    const strict = await startTestBranch({ serveApps: false, loginRateLimit: 10 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const r = await strict.tryLogin('urzednik3', `wrong-password-${i}`);
        codes.push(r.status);
      }
      expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(codes.slice(10)).toEqual([429, 429]);
      const limited = await strict.tryLogin('urzednik3');
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      // Another user from the same address is not locked out by one clerk's typos.
      const other = await strict.tryLogin('urzednik4');
      expect(other.status).toBe(200);
      const unknown = await strict.tryLogin('nikt', 'wrong-password-x');
      expect(unknown.status).toBe(401);
      expect(unknown.body.message).not.toMatch(/nikt|exist|unknown/i);
    } finally {
      await strict.close();
    }
  });
});
