import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PueRegistration,
  PueRegistrationDecisionReceipt,
} from '@skr/protocol/profile-confirmation';
import { DEMO_PASSWORD, DEMO_REGISTRATIONS } from '../src/index';
import { hashPassword } from '../src/secrets';
import { BRANCH, BRANCH_KEY, harnessPerTest, passwordLogin, T0, type Harness } from './harness';

const byLogin = (login: string) => DEMO_REGISTRATIONS.find((r) => r.login === login)!;
const branchKey = { 'x-branch-key': BRANCH_KEY };

async function lookup(h: Harness, body: unknown) {
  return h.call('POST', `/v1/branches/${BRANCH}/registrations/lookup`, {
    body,
    headers: branchKey,
  });
}

function decide(h: Harness, key: string, body: Record<string, unknown>) {
  return h.call('POST', `/v1/branches/${BRANCH}/registrations/decisions`, {
    body: {
      decision: 'confirm',
      decidedAt: T0.toISOString(),
      document: { type: 'dowod-osobisty', maskedNumber: 'ABA****00', validUntil: '2030-01-01' },
      reason: null,
      ...body,
    },
    headers: { ...branchKey, 'idempotency-key': key },
  });
}

describe('online registrations confirmed at a branch (issue 16)', () => {
  const h = harnessPerTest();

  it('finds a registration by PESEL or login; an 8-day-old one reads expired', async () => {
    const tomasz = byLogin('tomasz.wojcik');
    const r = await lookup(h, { pesel: tomasz.pesel });
    expect(r.status).toBe(200);
    expect(PueRegistration.parse(r.body)).toMatchObject({ login: tomasz.login, status: 'pending' });
    expect((await lookup(h, { login: 'Tomasz.Wojcik' })).body.registrationId).toBe(
      r.body.registrationId,
    );
    expect((await lookup(h, { login: 'adam.krol' })).body.status).toBe('expired');
    expect((await lookup(h, { login: 'nikt.taki' })).status).toBe(404);
    const noKey = await h.call('POST', `/v1/branches/${BRANCH}/registrations/lookup`, {
      body: { login: 'tomasz.wojcik' },
    });
    expect(noKey.status).toBe(401);
    // The PESEL travels in the body: the log has the route, never the number.
    expect(h.logs()).not.toContain(tomasz.pesel);
  });

  it('confirming activates the profile for password login, once per branch key', async () => {
    const reg = (await lookup(h, { login: 'tomasz.wojcik' })).body;
    const before = await h.call('POST', '/v1/auth/password', {
      body: { login: 'tomasz.wojcik', password: DEMO_PASSWORD },
    });
    expect(before.status).toBe(401);
    const key = randomUUID();
    const first = await decide(h, key, { registrationId: reg.registrationId });
    expect(first.status).toBe(201);
    expect(PueRegistrationDecisionReceipt.parse(first.body).status).toBe('confirmed');
    const again = await decide(h, key, { registrationId: reg.registrationId });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await decide(h, randomUUID(), { registrationId: reg.registrationId });
    expect(other.status).toBe(409);
    expect(other.body.details.reason).toBe('already-decided');
    expect(h.emu.deliveries()).toEqual({ received: 3, replays: 1 });
    expect(await passwordLogin(h, 'tomasz.wojcik')).toMatch(/.+/);
    const me = h.emu.registrations().find((r) => r.login === 'tomasz.wojcik');
    expect(me).toMatchObject({ status: 'confirmed', branchId: BRANCH });
  });

  it('refuses to confirm past the 7th day (409 expired); a refusal keeps its reason', async () => {
    const adam = (await lookup(h, { login: 'adam.krol' })).body;
    const late = await decide(h, randomUUID(), { registrationId: adam.registrationId });
    expect(late.status).toBe(409);
    expect(late.body.details.reason).toBe('expired');
    const ewa = (await lookup(h, { login: 'ewa.kaminska' })).body;
    const refused = await decide(h, randomUUID(), {
      registrationId: ewa.registrationId,
      decision: 'refuse',
      reason: 'Dokument nie należy do osoby rejestrującej',
    });
    expect(refused.status).toBe(201);
    expect((await lookup(h, { login: 'ewa.kaminska' })).body).toMatchObject({
      status: 'refused',
      reason: 'Dokument nie należy do osoby rejestrującej',
    });
    const login = await h.call('POST', '/v1/auth/password', {
      body: { login: 'ewa.kaminska', password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(401);
  });

  it('judges the 7 days in Warsaw calendar days at the time the clerk decided', async () => {
    // Registered 23:30 Warsaw on 2 March: the last day is 9 March, until midnight Warsaw time.
    const add = (login: string, pesel: string) =>
      h.emu.addRegistration({
        login,
        pesel,
        passwordHash: hashPassword('Inne-Haslo-2024!'),
        firstName: 'Test',
        lastName: login,
        email: `${login}@example.pl`,
        phone: null,
        recoveryChannel: 'email',
        registeredAt: '2025-03-02T22:30:00.000Z',
      });
    const onTime = add('na.czas', '90010100010');
    const tooLate = add('za.pozno', '90010100027');
    const inTime = await decide(h, randomUUID(), {
      registrationId: onTime,
      decidedAt: '2025-03-09T22:59:59.000Z',
    });
    expect(inTime.status).toBe(201);
    const late = await decide(h, randomUUID(), {
      registrationId: tooLate,
      decidedAt: '2025-03-09T23:00:00.000Z',
    });
    expect(late.status).toBe(409);
    expect(late.body.details.reason).toBe('expired');
  });
});
