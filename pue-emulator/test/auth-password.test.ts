import { describe, expect, it } from 'vitest';
import { PuePasswordLoginStarted, PueProfile, PueSession } from '@skr/protocol';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/index';
import { passwordLogin, harnessPerTest } from './harness';

describe('password + verification code login', () => {
  const h = harnessPerTest();

  it('sends the code by SMS to a profile whose channel is SMS and opens a session', async () => {
    const started = await h.call('POST', '/v1/auth/password', {
      body: { login: 'anna.kowalska', password: DEMO_PASSWORD },
    });
    expect(started.status).toBe(200);
    const s = PuePasswordLoginStarted.parse(started.body);
    expect(s.channel).toBe('sms');
    expect(s.destination).toBe('+48******200');
    const msg = h.emu.outbox().at(-1);
    expect(msg).toMatchObject({ channel: 'sms', to: '+48600100200' });
    expect(msg?.text).toContain(msg?.code);

    const done = await h.call('POST', '/v1/auth/password/verify', {
      body: { attemptId: s.attemptId, code: msg?.code },
    });
    expect(done.status).toBe(200);
    const session = PueSession.parse(done.body);
    expect(session.profile.lastName).toBe('Kowalska');
    expect(session.expiresAt).toBe('2025-03-10T08:15:00.000Z');

    const me = await h.call('GET', '/v1/me', { token: session.token });
    expect(me.status).toBe(200);
    expect(PueProfile.parse(me.body).pesel).toBe(DEMO_LOGINS[0]?.pesel);
  });

  it('sends the code by e-mail to an e-mail profile, and on request by e-mail to an SMS one', async () => {
    const jan = await h.call('POST', '/v1/auth/password', {
      body: { login: 'jan.nowak', password: DEMO_PASSWORD },
    });
    expect(jan.body).toMatchObject({ channel: 'email', destination: 'j***@example.pl' });
    expect(h.emu.outbox().at(-1)).toMatchObject({ channel: 'email', to: 'jan.nowak@example.pl' });
    const code = h.emu.outbox().at(-1)?.code;
    const ok = await h.call('POST', '/v1/auth/password/verify', {
      body: { attemptId: jan.body.attemptId, code },
    });
    expect(ok.status).toBe(200);

    const anna = await h.call('POST', '/v1/auth/password', {
      body: { login: 'anna.kowalska', password: DEMO_PASSWORD, channel: 'email' },
    });
    expect(anna.body.channel).toBe('email');
    expect(h.emu.outbox().at(-1)?.to).toBe('anna.kowalska@example.pl');
  });

  it('accepts the PESEL as login', async () => {
    const pesel = DEMO_LOGINS[1]?.pesel ?? '';
    const r = await h.call('POST', '/v1/auth/password', {
      body: { login: pesel, password: DEMO_PASSWORD },
    });
    expect(r.status).toBe(200);
  });

  it('refuses a wrong password and an unknown login alike, and sends nothing', async () => {
    const wrong = await h.call('POST', '/v1/auth/password', {
      body: { login: 'anna.kowalska', password: 'Zle-haslo-123456' },
    });
    const unknown = await h.call('POST', '/v1/auth/password', {
      body: { login: 'nikt.taki', password: DEMO_PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('UNAUTHORIZED');
    expect(h.emu.outbox()).toHaveLength(0);
  });

  it('rejects a password under 12 characters at the boundary with 400 INVALID', async () => {
    const r = await h.call('POST', '/v1/auth/password', {
      body: { login: 'anna.kowalska', password: 'short-pass1' },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('INVALID');
    expect(r.body.message).toMatch(/password/);
  });

  it('voids the attempt after three wrong codes; the right code then no longer works', async () => {
    const s = await h.call('POST', '/v1/auth/password', {
      body: { login: 'anna.kowalska', password: DEMO_PASSWORD },
    });
    const good = h.emu.outbox().at(-1)?.code ?? '';
    const bad = good === '000000' ? '111111' : '000000';
    for (const left of [2, 1, 0]) {
      const r = await h.call('POST', '/v1/auth/password/verify', {
        body: { attemptId: s.body.attemptId, code: bad },
      });
      expect(r.status).toBe(401);
      expect(r.body.details.triesLeft).toBe(left);
    }
    const late = await h.call('POST', '/v1/auth/password/verify', {
      body: { attemptId: s.body.attemptId, code: good },
    });
    expect(late.status).toBe(401);
  });

  it('refuses a code after the attempt expired and a code used twice', async () => {
    const s = await h.call('POST', '/v1/auth/password', {
      body: { login: 'anna.kowalska', password: DEMO_PASSWORD },
    });
    const code = h.emu.outbox().at(-1)?.code;
    h.advance(5 * 60_000 + 1);
    const r = await h.call('POST', '/v1/auth/password/verify', {
      body: { attemptId: s.body.attemptId, code },
    });
    expect(r.status).toBe(401);
    expect(r.body.message).toMatch(/expired/);

    const s2 = await h.call('POST', '/v1/auth/password', {
      body: { login: 'anna.kowalska', password: DEMO_PASSWORD },
    });
    const code2 = h.emu.outbox().at(-1)?.code;
    const first = await h.call('POST', '/v1/auth/password/verify', {
      body: { attemptId: s2.body.attemptId, code: code2 },
    });
    const again = await h.call('POST', '/v1/auth/password/verify', {
      body: { attemptId: s2.body.attemptId, code: code2 },
    });
    expect([first.status, again.status]).toEqual([200, 401]);
  });

  it('expires sessions after 15 minutes and ends them on logout', async () => {
    const token = await passwordLogin(h, 'anna.kowalska');
    h.advance(14 * 60_000);
    expect((await h.call('GET', '/v1/me', { token })).status).toBe(200);
    h.advance(60_000);
    const expired = await h.call('GET', '/v1/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'UNAUTHORIZED', message: 'Session expired' });

    const token2 = await passwordLogin(h, 'anna.kowalska');
    expect((await h.call('POST', '/v1/auth/logout', { token: token2 })).status).toBe(204);
    expect((await h.call('GET', '/v1/me', { token: token2 })).status).toBe(401);
    expect((await h.call('GET', '/v1/me')).status).toBe(401);
  });

  it('never logs the password, the code, the token or a full PESEL', async () => {
    const token = await passwordLogin(h, 'anna.kowalska');
    await h.call('GET', '/v1/me', { token });
    await h.call('POST', '/v1/auth/password', {
      body: { login: 'anna.kowalska', password: 'Zle-haslo-123456' },
    });
    const logs = h.logs();
    expect(logs).toContain('password login complete');
    for (const secret of [DEMO_PASSWORD, 'Zle-haslo-123456', token, DEMO_LOGINS[0]?.pesel ?? 'x']) {
      expect(logs).not.toContain(secret);
    }
    for (const m of h.emu.outbox()) expect(logs).not.toContain(m.code);
  });
});
