import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PueAnswerList } from '@skr/protocol';
import { DEMO_LOGINS } from '@skr/pue-emulator';
import {
  createTestCa,
  privateScalar,
  signDigestP256,
  type IssuedHolder,
} from '@skr/hardware-mocks/id-card/index';
import { passwordLogin, startHarness, type Harness } from '../../pue-emulator/test/harness';
import { updPdf } from '../src/devices/answer-service';
import { createSigningService } from '../src/devices/signing-service';

// A UPD signed with the ID card: the kiosk host's UPD PDF, signed PAdES by the signing service
// over a software stand-in of the card's signature key, sent to the real portal stand-in. It
// records the UPD only for the addressee's own signature on a UPD naming that answer.

const [anna, jan] = DEMO_LOGINS as [(typeof DEMO_LOGINS)[0], (typeof DEMO_LOGINS)[0]];

async function signUpd(issued: IssuedHolder, answerId: string): Promise<string> {
  const scalar = await privateScalar(issued.keys.privateKey);
  const signing = createSigningService({
    openCard: async () => ({
      readSignatureCertificate: async () => ({ pem: issued.certPem }),
      signDigest: async (_pin, digest) => signDigestP256(scalar, digest),
      close: async () => undefined,
    }),
  });
  const pdf = await updPdf(answerId, new Date());
  const signed = await signing.signPdf(pdf, Buffer.from('135790'), { reason: 'UPD' });
  return signed.toString('base64');
}

describe('UPD signed with the ID card at the portal stand-in', () => {
  let h: Harness;
  let annaCard: IssuedHolder;
  let janCard: IssuedHolder;
  beforeAll(async () => {
    const ca = await createTestCa();
    annaCard = await ca.issueSignature({
      pesel: anna.pesel,
      givenName: 'Anna',
      surname: 'Kowalska',
    });
    janCard = await ca.issueSignature({ pesel: jan.pesel, givenName: 'Jan', surname: 'Nowak' });
    h = await startHarness({ caCertsPem: [ca.caCertPem], now: () => new Date() });
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  it("records the addressee's card UPD with the signed PDF; refuses another's signature and another answer's UPD", async () => {
    const token = await passwordLogin(h, anna.login);
    const { items } = PueAnswerList.parse((await h.call('GET', '/v1/inbox', { token })).body);
    const [first, second] = items.filter((a) => a.requiresUpd) as [
      (typeof items)[0],
      (typeof items)[0],
    ];
    const send = (answerId: string, signedPdfB64: string) =>
      h.call('POST', `/v1/inbox/${answerId}/upd`, {
        token,
        body: { method: 'card', signedPdfB64 },
      });

    const byJan = await send(first.id, await signUpd(janCard, first.id));
    expect(byJan.status).toBe(403);
    const forOther = await send(first.id, await signUpd(annaCard, second.id));
    expect(forOther.status).toBe(400);
    expect(h.emu.upds()).toHaveLength(0);

    const signed = await signUpd(annaCard, first.id);
    const ok = await send(first.id, signed);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ answerId: first.id, method: 'card' });
    const [upd] = h.emu.upds();
    expect(upd?.signedPdf?.toString('base64')).toBe(signed);
    expect((await h.call('GET', `/v1/inbox/${first.id}`, { token })).status).toBe(200);
    // The other answer still waits for its own UPD.
    expect((await h.call('GET', `/v1/inbox/${second.id}`, { token })).status).toBe(409);
  });
});
