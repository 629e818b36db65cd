// The portal stand-in (issue 13): its password login told which logins exist by timing (61 ms
// against 4 ms) and /__emulator/* answered anyone on the LAN. Now both logins cost one scrypt,
// and the control routes answer loopback or a caller with the test key only.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_KEY_HEADER, installEmulatorGuard, isLoopback } from '../src/emulator-guard';
import { startHarness, type Harness } from './harness';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('password login timing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ log: { level: 'silent' } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('takes as long for an unknown login as for a known one with a wrong password', async () => {
    const attempt = async (login: string) => {
      const start = performance.now();
      const r = await h.call('POST', '/v1/auth/password', {
        body: { login, password: 'Zle-haslo-123456' },
      });
      return { ms: performance.now() - start, r };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 14; i += 1) {
      // Alternating, so a slow moment of the shared machine hits both series alike.
      const k = await attempt('anna.kowalska');
      const u = await attempt(`nikt.taki.${i}`);
      expect(k.r).toEqual(u.r);
      expect(k.r.status).toBe(401);
      if (i >= 2) {
        known.push(k.ms);
        unknown.push(u.ms);
      }
    }
    // Before the fix the ratio was ~0.07; equal work keeps it near 1.
    const ratio = median(unknown) / median(known);
    expect(ratio, `unknown ${median(unknown)} ms, known ${median(known)} ms`).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.7);
  });
});

describe('/__emulator/* guard', () => {
  const KEY = 'test-key-0123456789abcdef';
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    installEmulatorGuard(app, { key: KEY });
    app.get('/__emulator/outbox', async () => ({ items: ['kod 123456'] }));
    app.put('/__emulator/faults', async () => ({ down: true }));
    app.get('/v1/health', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers a loopback caller over a real socket', async () => {
    const { port } = app.server.address() as { port: number };
    const r = await fetch(`http://127.0.0.1:${port}/__emulator/outbox`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ items: ['kod 123456'] });
  });

  it('refuses a LAN caller without the key, whatever the spelling of the path', async () => {
    for (const url of [
      '/__emulator/outbox',
      '/__emulator/outbox?x=1',
      '//__emulator/outbox',
      '/%5F%5Femulator/outbox',
      '/__EMULATOR/outbox',
    ]) {
      const r = await app.inject({ method: 'GET', url, remoteAddress: '10.20.30.40' });
      expect(r.statusCode, url).not.toBe(200);
      expect(r.body, url).not.toContain('123456');
    }
    const put = await app.inject({
      method: 'PUT',
      url: '/__emulator/faults',
      remoteAddress: '192.168.1.50',
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(put.statusCode).toBe(403);
    expect(put.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a LAN caller through with the exact test key only', async () => {
    const ok = await app.inject({
      method: 'GET',
      url: '/__emulator/outbox',
      remoteAddress: '10.20.30.40',
      headers: { [EMULATOR_KEY_HEADER]: KEY },
    });
    expect(ok.statusCode).toBe(200);
    const wrong = await app.inject({
      method: 'GET',
      url: '/__emulator/outbox',
      remoteAddress: '10.20.30.40',
      headers: { [EMULATOR_KEY_HEADER]: `${KEY}x` },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('leaves the portal API alone and refuses a short key at start', async () => {
    const r = await app.inject({ method: 'GET', url: '/v1/health', remoteAddress: '10.0.0.9' });
    expect(r.statusCode).toBe(200);
    expect(() => installEmulatorGuard(Fastify(), { key: 'short' })).toThrow(/16 characters/);
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.5')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
    expect(isLoopback('::ffff:10.0.0.1')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});
