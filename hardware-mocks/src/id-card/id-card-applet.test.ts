import { webcrypto, verify, createPublicKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIdCardApplet, type IdCardApplet } from './id-card-applet';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');
const swOf = (r: Buffer) => r.subarray(-2).toString('hex').toUpperCase();
const SELECT_APP = hex('00A4040C07 D6160000300101');
const SELECT_CERT = hex('00A4020C02 C001');
const verifyApdu = (pin: string) =>
  Buffer.concat([hex('0020008108'), Buffer.from(pin.padEnd(8, '\xff'), 'latin1')]);
const CERT = Buffer.from(Array.from({ length: 600 }, (_, i) => i & 0xff));

describe('ID-card applet', () => {
  let keys: webcrypto.CryptoKeyPair;
  let applet: IdCardApplet;

  beforeAll(async () => {
    keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as webcrypto.CryptoKeyPair;
  });
  const fresh = async () => {
    applet = createIdCardApplet({ pin: '1234', certDer: CERT, privateKey: keys.privateKey });
    expect(swOf(await applet.handle(SELECT_APP))).toBe('9000');
  };

  it('answers 6A82 for an unknown AID and 6E00 / 6D00 for unknown CLA / INS', async () => {
    applet = createIdCardApplet({ pin: '1234', certDer: CERT, privateKey: keys.privateKey });
    expect(swOf(await applet.handle(hex('00A4040C03 A00000')))).toBe('6A82');
    expect(swOf(await applet.handle(hex('80A4040C07 D6160000300101')))).toBe('6E00');
    expect(swOf(await applet.handle(hex('00CA000000')))).toBe('6D00');
    expect(swOf(await applet.handle(hex('00A4')))).toBe('6700');
  });

  it('reads the certificate file in chunks, ending with 6282', async () => {
    await fresh();
    expect(swOf(await applet.handle(hex('00B0000010')))).toBe('6986'); // no EF selected yet
    expect(swOf(await applet.handle(SELECT_CERT))).toBe('9000');
    const a = await applet.handle(hex('00B00000FF'));
    expect(swOf(a)).toBe('9000');
    expect(a.subarray(0, -2).equals(CERT.subarray(0, 255))).toBe(true);
    const b = await applet.handle(hex('00B0020000')); // offset 512, Le 00 = 256
    expect(swOf(b)).toBe('6282');
    expect(b.subarray(0, -2).equals(CERT.subarray(512))).toBe(true);
    expect(swOf(await applet.handle(hex('00B0030000')))).toBe('6B00'); // past the end
  });

  it('counts wrong PINs down with 63Cx, blocks with 6983, and status-queries without data', async () => {
    await fresh();
    expect(swOf(await applet.handle(hex('00200081')))).toBe('63C3');
    expect(swOf(await applet.handle(verifyApdu('9999')))).toBe('63C2');
    expect(swOf(await applet.handle(verifyApdu('1234')))).toBe('9000');
    expect(swOf(await applet.handle(hex('00200081')))).toBe('9000');
    expect(swOf(await applet.handle(verifyApdu('0000')))).toBe('63C2');
    expect(swOf(await applet.handle(verifyApdu('0001')))).toBe('63C1');
    expect(swOf(await applet.handle(verifyApdu('0002')))).toBe('6983');
    expect(applet.triesLeft).toBe(0);
    expect(swOf(await applet.handle(verifyApdu('1234')))).toBe('6983');
    applet.reset();
    await applet.handle(SELECT_APP);
    expect(swOf(await applet.handle(hex('00200081')))).toBe('6983');
  });

  it('signs 32 bytes only after VERIFY, in P1363 form, and forgets the PIN on reset', async () => {
    await fresh();
    const challenge = Buffer.alloc(32, 7);
    const pso = Buffer.concat([hex('002A9E9A20'), challenge, hex('00')]);
    expect(swOf(await applet.handle(pso))).toBe('6982');
    await applet.handle(verifyApdu('1234'));
    expect(swOf(await applet.handle(hex('002A9E9A02AABB00')))).toBe('6700');
    const r = await applet.handle(pso);
    expect(swOf(r)).toBe('9000');
    const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey));
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(verify('sha256', challenge, { key, dsaEncoding: 'ieee-p1363' }, r.subarray(0, -2))).toBe(
      true,
    );
    applet.reset();
    await applet.handle(SELECT_APP);
    expect(swOf(await applet.handle(pso))).toBe('6982');
  });

  it('refuses a PIN that is not 4-8 digits', () => {
    expect(() =>
      createIdCardApplet({ pin: '12', certDer: CERT, privateKey: keys.privateKey }),
    ).toThrow();
  });
});
