import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCa, loadOrCreateTestCa } from './test-ca';

const HOLDER = { pesel: '44051401359', givenName: 'Jan', surname: 'Kowalski' };

describe('test CA', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('issues a P-256 holder certificate with PNOPL-<PESEL> that chains to the CA', async () => {
    const ca = await createTestCa();
    const issued = await ca.issueHolder(HOLDER);
    const cert = new X509Certificate(issued.certPem);
    const caCert = new X509Certificate(ca.caCertPem);
    expect(cert.subject).toContain('serialNumber=PNOPL-44051401359');
    expect(cert.subject).toContain('GN=Jan');
    expect(cert.subject).toContain('SN=Kowalski');
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(cert.raw.equals(issued.certDer)).toBe(true);
    expect(caCert.ca).toBe(true);
    // another CA's certificate must not verify
    const other = await createTestCa();
    expect(cert.verify(new X509Certificate(other.caCertPem).publicKey)).toBe(false);
  });

  it('issues a separate signature certificate with nonRepudiation + digitalSignature', async () => {
    const ca = await createTestCa();
    const signing = await ca.issueSignature(HOLDER);
    const login = await ca.issueHolder(HOLDER);
    const usage = (der: Buffer) =>
      new x509.X509Certificate(der).getExtension(x509.KeyUsagesExtension)?.usages;
    expect(usage(signing.certDer)).toBe(
      x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.digitalSignature,
    );
    expect(usage(login.certDer)).toBe(x509.KeyUsageFlags.digitalSignature);
    const cert = new X509Certificate(signing.certPem);
    expect(cert.subject).toContain('serialNumber=PNOPL-44051401359');
    expect(cert.verify(new X509Certificate(ca.caCertPem).publicKey)).toBe(true);
  });

  it('persists the CA so a restarted emulator issues under the same CA', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'skr-ca-'));
    dirs.push(dir);
    const first = await loadOrCreateTestCa(join(dir, 'ca'));
    const second = await loadOrCreateTestCa(join(dir, 'ca'));
    expect(second.caCertPem).toBe(first.caCertPem);
    expect((await stat(join(dir, 'ca', 'ca-key.pem'))).mode & 0o077).toBe(0);
    expect(await readFile(join(dir, 'ca', 'ca-cert.pem'), 'utf8')).toBe(first.caCertPem);
    const issued = await second.issueHolder(HOLDER);
    expect(
      new X509Certificate(issued.certPem).verify(new X509Certificate(first.caCertPem).publicKey),
    ).toBe(true);
  });
});
