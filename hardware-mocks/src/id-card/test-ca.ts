import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

type CryptoKeyPair = webcrypto.CryptoKeyPair;

// Node's webcrypto is a complete provider; setting it once keeps @peculiar/x509 off any global.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const EC: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN: webcrypto.EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const DAY_MS = 86_400_000;

/** The person an ID card belongs to. */
export interface HolderIdentity {
  pesel: string;
  givenName: string;
  surname: string;
}

/** A holder certificate and the key pair that stays inside the (virtual) card. */
export interface IssuedHolder {
  holder: HolderIdentity;
  certPem: string;
  certDer: Buffer;
  keys: CryptoKeyPair;
}

/** A test certification authority that issues ID-card holder certificates. */
export interface TestCa {
  caCertPem: string;
  caKey: CryptoKeyPair;
  /** The login (authentication) certificate: keyUsage digitalSignature. */
  issueHolder(holder: HolderIdentity): Promise<IssuedHolder>;
  /** The signature certificate ("podpis osobisty"): keyUsage nonRepudiation + digitalSignature. */
  issueSignature(holder: HolderIdentity): Promise<IssuedHolder>;
}

/** Subject of a holder certificate, as on the Polish e-ID: names + ETSI `PNOPL-<PESEL>`. */
export function holderSubject(h: HolderIdentity): x509.JsonName {
  return [
    { C: ['PL'] },
    { CN: [`${h.givenName} ${h.surname}`] },
    { '2.5.4.42': [h.givenName] },
    { '2.5.4.4': [h.surname] },
    { '2.5.4.5': [`PNOPL-${h.pesel}`] },
  ];
}

function randomSerial(): string {
  // Positive 16-byte serial: clear the top bit so DER needs no sign byte games.
  const b = webcrypto.getRandomValues(new Uint8Array(16));
  b[0] = (b[0] ?? 0) & 0x7f;
  return Buffer.from(b).toString('hex');
}

function caFromKeys(caKey: CryptoKeyPair, caCert: x509.X509Certificate): TestCa {
  async function issue(holder: HolderIdentity, usages: number): Promise<IssuedHolder> {
    const keys = (await webcrypto.subtle.generateKey(EC, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const now = Date.now();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject: holderSubject(holder),
      issuer: caCert.subject,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 5 * 365 * DAY_MS),
      publicKey: keys.publicKey,
      signingKey: caKey.privateKey,
      signingAlgorithm: SIGN,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(usages, true),
        await x509.AuthorityKeyIdentifierExtension.create(caCert),
      ],
    });
    return { holder, certPem: cert.toString('pem'), certDer: Buffer.from(cert.rawData), keys };
  }
  return {
    caCertPem: caCert.toString('pem'),
    caKey,
    issueHolder: (holder) => issue(holder, x509.KeyUsageFlags.digitalSignature),
    issueSignature: (holder) =>
      issue(holder, x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.digitalSignature),
  };
}

/** Makes a fresh in-memory test CA (ECDSA P-256, self-signed, valid 10 years). */
export async function createTestCa(name = 'SKR Test ID-card CA'): Promise<TestCa> {
  const caKey = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ C: ['PL'] }, { O: ['SKR test'] }, { CN: [name] }],
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 10 * 365 * DAY_MS),
    keys: caKey,
    signingAlgorithm: SIGN,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKey.publicKey),
    ],
  });
  return caFromKeys(caKey, caCert);
}

/**
 * Loads the test CA from `dir` (ca-cert.pem, ca-key.pem) or creates and saves one, so a
 * long-running portal emulator and the virtual card agree across restarts.
 */
export async function loadOrCreateTestCa(dir: string): Promise<TestCa> {
  const certPath = join(dir, 'ca-cert.pem');
  const keyPath = join(dir, 'ca-key.pem');
  try {
    const [certPem, keyPem] = await Promise.all([
      readFile(certPath, 'utf8'),
      readFile(keyPath, 'utf8'),
    ]);
    const caCert = new x509.X509Certificate(certPem);
    const pkcs8 = x509.PemConverter.decodeFirst(keyPem);
    const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, EC, true, ['sign']);
    const publicKey = await caCert.publicKey.export(EC, ['verify']);
    return caFromKeys({ privateKey, publicKey }, caCert);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const ca = await createTestCa();
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', ca.caKey.privateKey);
  await mkdir(dir, { recursive: true });
  await writeFile(keyPath, x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'), { mode: 0o600 });
  await writeFile(certPath, ca.caCertPem);
  return ca;
}
