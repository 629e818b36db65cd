import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PueCardChallenge, PueSession } from '@skr/protocol';
import { DEMO_LOGINS } from '../src/index';
import { issueHolder, makeCa, signChallenge, type TestCa, type TestHolder } from './cards';
import { startHarness, type Harness } from './harness';

const ANNA = DEMO_LOGINS[0]?.pesel ?? '';

describe('ID-card challenge–response login', () => {
  let h: Harness;
  let ca: TestCa;
  let foreignCa: TestCa;
  let anna: TestHolder;

  beforeAll(async () => {
    ca = await makeCa();
    foreignCa = await makeCa('CN=Someone Else CA,C=PL');
    anna = await issueHolder(ca, ANNA);
    h = await startHarness({ caCertsPem: [ca.certPem] });
  });
  afterAll(async () => {
    await h.stop();
  });

  async function challenge() {
    const r = await h.call('POST', '/v1/auth/card/challenge');
    expect(r.status).toBe(200);
    const c = PueCardChallenge.parse(r.body);
    expect(Buffer.from(c.challengeB64, 'base64')).toHaveLength(32);
    return c;
  }

  /** Answers challenge `c` with `holder`'s certificate and signature over `signed` bytes. */
  async function answer(c: PueCardChallenge, holder: TestHolder, signed = c.challengeB64) {
    const body = {
      challengeId: c.challengeId,
      certificatePem: holder.certPem,
      signatureB64: await signChallenge(holder.privateKey, signed),
    };
    return h.call('POST', '/v1/auth/card', { body });
  }

  it('opens a session for the card holder named by serialNumber=PNOPL-<PESEL>', async () => {
    const c = await challenge();
    const r = await answer(c, anna);
    expect(r.status).toBe(200);
    const s = PueSession.parse(r.body);
    expect(s.profile.pesel).toBe(ANNA);
    expect((await h.call('GET', '/v1/me', { token: s.token })).status).toBe(200);
    expect(h.logs()).not.toContain(ANNA);
  });

  it('refuses a signature over other bytes, and spends the challenge', async () => {
    const c = await challenge();
    const r = await answer(c, anna, Buffer.alloc(32, 7).toString('base64'));
    expect(r.status).toBe(401);
    expect(r.body.message).toMatch(/signature/);
    const retry = await answer(c, anna);
    expect(retry.status).toBe(401);
    expect(retry.body.message).toMatch(/used/);
  });

  it('refuses a certificate from a CA it does not trust', async () => {
    const mallory = await issueHolder(foreignCa, ANNA);
    const c = await challenge();
    const r = await answer(c, mallory);
    expect(r.status).toBe(401);
    expect(r.body.message).toMatch(/trusted CA/);
  });

  it('refuses an expired certificate and an expired challenge', async () => {
    const old = await issueHolder(ca, ANNA, {
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2024-12-31T00:00:00Z'),
    });
    const c = await challenge();
    const r = await answer(c, old);
    expect(r.status).toBe(401);
    expect(r.body.message).toMatch(/not valid at this time/);

    const c2 = await challenge();
    h.advance(2 * 60_000 + 1);
    const late = await answer(c2, anna);
    expect(late.status).toBe(401);
    expect(late.body.message).toMatch(/expired/);
  });

  it('refuses a valid card of a person without a PUE profile, and garbage PEM with 400', async () => {
    const stranger = await issueHolder(ca, '02270803628');
    const c = await challenge();
    const r = await answer(c, stranger);
    expect(r.status).toBe(401);
    expect(r.body.message).toMatch(/No PUE profile/);

    const c2 = await challenge();
    const bad = await h.call('POST', '/v1/auth/card', {
      body: { challengeId: c2.challengeId, certificatePem: 'not a cert', signatureB64: 'AAAA' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID');
  });
});
