import { createHash, createPublicKey, verify, webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIdCardApplet, type IdCardApplet } from './id-card-applet';
import { privateScalar, signDigestP256 } from './ecdsa-digest';

// The signature side of the applet: its own certificate file, a 6-digit PIN with its own
// counter, MSE: SET to pick the key, and PSO over a digest the caller computed.
const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');
const swOf = (r: Buffer) => r.subarray(-2).toString('hex').toUpperCase();
const SELECT_APP = hex('00A4040C07 D6160000300101');
const pinApdu = (ref: number, pin: string) =>
  Buffer.concat([
    Buffer.from([0x00, 0x20, 0x00, ref, 0x08]),
    Buffer.from(pin.padEnd(8, '\xff'), 'latin1'),
  ]);
const MSE_SIGN = hex('002241B6 03 840102');
const MSE_AUTH = hex('002241B6 03 840101');
const pso = (data: Buffer) => Buffer.concat([hex('002A9E9A20'), data, hex('00')]);
const AUTH_CERT = Buffer.alloc(300, 0xa1);
const SIGN_CERT = Buffer.alloc(400, 0x5c);
const gen = async () =>
  (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
const nodeKey = async (k: webcrypto.CryptoKey) =>
  createPublicKey({
    key: Buffer.from(await webcrypto.subtle.exportKey('spki', k)),
    format: 'der',
    type: 'spki',
  });

describe('ID-card applet: signature key', () => {
  let auth: webcrypto.CryptoKeyPair;
  let signKeys: webcrypto.CryptoKeyPair;
  let applet: IdCardApplet;
  beforeAll(async () => {
    auth = await gen();
    signKeys = await gen();
  });
  const fresh = async () => {
    applet = createIdCardApplet({
      pin: '1234',
      certDer: AUTH_CERT,
      privateKey: auth.privateKey,
      signature: { pin: '246810', certDer: SIGN_CERT, privateKey: signKeys.privateKey },
    });
    expect(swOf(await applet.handle(SELECT_APP))).toBe('9000');
  };

  it('signs a digest raw (no second hash): the signature verifies as SHA-256 over the message', async () => {
    const d = await privateScalar(signKeys.privateKey);
    const message = Buffer.from('zażółć gęślą jaźń');
    const digest = createHash('sha256').update(message).digest();
    const sig = signDigestP256(d, digest);
    const key = await nodeKey(signKeys.publicKey);
    expect(verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, sig)).toBe(true);
    expect(verify('sha256', digest, { key, dsaEncoding: 'ieee-p1363' }, sig)).toBe(false);
  });

  it('serves the signature certificate as file C002, apart from the login one', async () => {
    await fresh();
    expect(swOf(await applet.handle(hex('00A4020C02 C002')))).toBe('9000');
    const r = await applet.handle(hex('00B0000000'));
    expect(swOf(r)).toBe('9000');
    expect(r.subarray(0, -2).equals(SIGN_CERT.subarray(0, 256))).toBe(true);
    expect(swOf(await applet.handle(hex('00A4020C02 C003')))).toBe('6A82');
  });

  it('needs the signature PIN, not the login PIN, and each PIN buys one signature', async () => {
    await fresh();
    const digest = createHash('sha256').update('dokument').digest();
    expect(swOf(await applet.handle(pinApdu(0x81, '1234')))).toBe('9000');
    expect(swOf(await applet.handle(MSE_SIGN))).toBe('9000');
    expect(swOf(await applet.handle(pso(digest)))).toBe('6982');
    expect(swOf(await applet.handle(pinApdu(0x82, '246810')))).toBe('9000');
    const r = await applet.handle(pso(digest));
    expect(swOf(r)).toBe('9000');
    const key = await nodeKey(signKeys.publicKey);
    expect(
      verify(
        'sha256',
        Buffer.from('dokument'),
        { key, dsaEncoding: 'ieee-p1363' },
        r.subarray(0, -2),
      ),
    ).toBe(true);
    expect(swOf(await applet.handle(pso(digest)))).toBe('6982'); // spent
    // Back on the login key, the login PIN still works for the portal challenge.
    expect(swOf(await applet.handle(MSE_AUTH))).toBe('9000');
    expect(swOf(await applet.handle(pso(Buffer.alloc(32, 1))))).toBe('9000');
    expect(swOf(await applet.handle(hex('002241B6 03 840109')))).toBe('6A82');
  });

  it('counts wrong signature PINs on their own counter and blocks at the third', async () => {
    await fresh();
    expect(swOf(await applet.handle(hex('00200082')))).toBe('63C3');
    expect(swOf(await applet.handle(pinApdu(0x82, '111111')))).toBe('63C2');
    expect(swOf(await applet.handle(pinApdu(0x82, '1234')))).toBe('63C1'); // login PIN is wrong here
    expect(applet.triesLeft).toBe(3);
    expect(swOf(await applet.handle(pinApdu(0x82, '222222')))).toBe('6983');
    expect(applet.signTriesLeft).toBe(0);
    expect(swOf(await applet.handle(pinApdu(0x82, '246810')))).toBe('6983');
    expect(swOf(await applet.handle(pinApdu(0x81, '1234')))).toBe('9000'); // login unaffected
  });

  it('forgets the verified signature PIN and the key choice on reset', async () => {
    await fresh();
    await applet.handle(pinApdu(0x82, '246810'));
    await applet.handle(MSE_SIGN);
    applet.reset();
    await applet.handle(SELECT_APP);
    expect(swOf(await applet.handle(hex('00200082')))).toBe('63C3');
    // After SELECT the login key is current again: PSO wants the login PIN.
    expect(swOf(await applet.handle(pso(Buffer.alloc(32))))).toBe('6982');
  });

  it('refuses a signature PIN that is not 6 digits and has no signature side without options', async () => {
    expect(() =>
      createIdCardApplet({
        pin: '1234',
        certDer: AUTH_CERT,
        privateKey: auth.privateKey,
        signature: { pin: '1234', certDer: SIGN_CERT, privateKey: signKeys.privateKey },
      }),
    ).toThrow();
    const bare = createIdCardApplet({
      pin: '1234',
      certDer: AUTH_CERT,
      privateKey: auth.privateKey,
    });
    await bare.handle(SELECT_APP);
    expect(swOf(await bare.handle(hex('00A4020C02 C002')))).toBe('6A82');
    expect(swOf(await bare.handle(MSE_SIGN))).toBe('6A82');
  });
});
