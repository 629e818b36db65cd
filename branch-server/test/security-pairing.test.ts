import { describe, expect, it } from 'vitest';
import { PAIRING_ALPHABET } from '../src/auth';
import { sharedTestBranch } from './harness';

// Issue 13: a new screen or kiosk is paired by a short code it shows, typed by the admin in
// the manager's devices view; the device collects its credential itself, by a claim secret
// only it holds. No token ever travels in a URL.
const b = sharedTestBranch();

async function start(kind = 'display') {
  const r = await b.api('POST', '/api/v1/devices/pairing', undefined, { kind });
  expect(r.status).toBe(201);
  return r.body as { code: string; claim: string; expiresAt: string; pollMs: number };
}
const claim = (c: string) =>
  b.api('POST', '/api/v1/devices/pairing/claim', undefined, { claim: c });
const approve = async (body: object, who = 'admin') =>
  b.api('POST', '/api/v1/devices/pairing/approve', await b.login(who), body);

describe('pairing by code (issue 13)', () => {
  it('pairs a display: code shown, admin approves, device collects a working credential once', async () => {
    const t = await start();
    expect(t.code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{8}$`));
    expect(Date.parse(t.expiresAt) - b.branch.now().getTime()).toBeLessThanOrEqual(5 * 60_000);
    expect((await claim(t.claim)).body).toEqual({ state: 'waiting' });
    // Typed with a dash and in lower case, as people do.
    const typed = `${t.code.slice(0, 4).toLowerCase()}-${t.code.slice(4)}`;
    const ok = await approve({ code: typed, kind: 'display', name: 'Ekran w hali' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'display', name: 'Ekran w hali' });
    expect(JSON.stringify(ok.body)).not.toMatch(/token/);
    const got = await claim(t.claim);
    expect(got.body).toMatchObject({ state: 'paired', id: ok.body.id, kind: 'display' });
    expect(Date.parse(got.body.refreshAfter)).toBeLessThan(Date.parse(got.body.expiresAt));
    expect((await b.api('GET', '/api/v1/queue', got.body.token)).status).toBe(200);
    const s = await b.socket('/display', got.body.token);
    expect(s.socket.connected).toBe(true);
    // Single use: the claim and the code are gone.
    expect((await claim(t.claim)).status).toBe(404);
    expect((await approve({ code: t.code, kind: 'display', name: 'x' })).status).toBe(404);
  });

  it('is audited: who paired which device by code', async () => {
    const t = await start('kiosk');
    const ok = await approve({ code: t.code, kind: 'kiosk', name: 'Kiosk przy wejściu' });
    const audit = await b.api('GET', '/api/v1/config/audit?limit=5', await b.login('admin'));
    const entry = audit.body.entries.find((e: { entityId: string }) => e.entityId === ok.body.id);
    expect(entry).toMatchObject({ entity: 'device', action: 'create', actor: 'user:admin' });
  });

  it('only the admin approves; the kind must be the one the device asked for', async () => {
    const t = await start('display');
    expect((await approve({ code: t.code, kind: 'display', name: 'x' }, 'kierownik')).status).toBe(
      403,
    );
    expect(
      (await b.api('POST', '/api/v1/devices/pairing/approve', undefined, { code: t.code })).status,
    ).toBe(401);
    const wrongKind = await approve({ code: t.code, kind: 'kiosk', name: 'x' });
    expect(wrongKind.status).toBe(409);
    expect((await claim(t.claim)).body).toEqual({ state: 'waiting' });
  });

  it('a code expires after 5 minutes', async () => {
    const t = await start();
    const real = b.branch.now;
    const later = new Date(real().getTime() + 5 * 60_000 + 1);
    // The server reads the branch clock; move it for this request only.
    (b.branch as { now: () => Date }).now = () => later;
    try {
      expect((await approve({ code: t.code, kind: 'display', name: 'x' })).status).toBe(404);
      expect((await claim(t.claim)).status).toBe(404);
    } finally {
      (b.branch as { now: () => Date }).now = real;
    }
  });

  it('limits asking (per address) and guessing (wrong codes)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await b.api('POST', '/api/v1/devices/pairing', undefined, { kind: 'display' })).status,
      );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const guesses: number[] = [];
    for (let i = 0; i < 12; i++)
      guesses.push((await approve({ code: `ZZZZZZ${i}`, kind: 'display', name: 'x' })).status);
    // Wrong codes entered earlier in this file count too: at most 10 a minute get an answer.
    expect(guesses[0]).toBe(404);
    expect(guesses.filter((s) => s === 404).length).toBeLessThanOrEqual(10);
    expect(guesses.slice(-2)).toEqual([429, 429]);
  });
});
