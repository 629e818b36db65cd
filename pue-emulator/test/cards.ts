// Throwaway ID-card PKI for tests: a test CA and holder certificates made with @peculiar/x509
// and Node's WebCrypto, and a signer doing what the card does (ECDSA P-256/SHA-256, raw r||s).
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A test certification authority. */
export interface TestCa {
  certPem: string;
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

/** A card holder: certificate and the private key that stays "on the card". */
export interface TestHolder {
  certPem: string;
  privateKey: CryptoKey;
}

/** Makes a self-signed CA valid 2020–2035 (the tests' clock sits in 2025). */
export async function makeCa(name = 'CN=Test ID Card CA,O=SKR Test,C=PL'): Promise<TestCa> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    signingAlgorithm: SIGN,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), cert, keys };
}

/** Issues a holder certificate naming `pesel` (subject serialNumber=PNOPL-<PESEL>). */
export async function issueHolder(
  ca: TestCa,
  pesel: string,
  validity: { notBefore: Date; notAfter: Date } = {
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2034-01-01T00:00:00Z'),
  },
): Promise<TestHolder> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '1001',
    // 2.5.4.5 is serialNumber; the library's string parser does not know its short name.
    subject: [{ CN: ['Test Holder'] }, { '2.5.4.5': [`PNOPL-${pesel}`] }, { C: ['PL'] }],
    issuer: ca.cert.subject,
    ...validity,
    signingAlgorithm: SIGN,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), privateKey: keys.privateKey };
}

/** Signs challenge bytes as the card does: ECDSA P-256/SHA-256, raw r||s, base64. */
export async function signChallenge(privateKey: CryptoKey, challengeB64: string): Promise<string> {
  const sig = await webcrypto.subtle.sign(SIGN, privateKey, Buffer.from(challengeB64, 'base64'));
  return Buffer.from(sig).toString('base64');
}
