import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestCa } from '@skr/hardware-mocks/id-card/index';
import { isSkrError } from '@skr/protocol/errors';
import { derToPem, derTotalLength, holderFromCertificate, maskPesel } from './certificate-holder';

describe('certificate holder', () => {
  it('finds the DER length from the first bytes', () => {
    expect(derTotalLength(Buffer.from([0x30]))).toBeUndefined();
    expect(derTotalLength(Buffer.from([0x30, 0x05]))).toBe(7);
    expect(derTotalLength(Buffer.from([0x30, 0x82, 0x01]))).toBeUndefined();
    expect(derTotalLength(Buffer.from([0x30, 0x82, 0x01, 0xf6]))).toBe(0x1f6 + 4);
    expect(() => derTotalLength(Buffer.from([0x30, 0x80]))).toThrow();
  });

  it('masks all but the last four PESEL digits', () => {
    expect(maskPesel('44051401359')).toBe('*******1359');
  });

  it('reads names and the PESEL from a PNOPL subject, and round-trips PEM', async () => {
    const ca = await createTestCa();
    const issued = await ca.issueHolder({
      pesel: '02270803628',
      givenName: 'Anna Maria',
      surname: 'Wójcik',
    });
    const pem = derToPem(issued.certDer);
    expect(pem.trim()).toBe(issued.certPem.replace(/\r\n/g, '\n').trim());
    expect(holderFromCertificate(new X509Certificate(pem))).toEqual({
      givenName: 'Anna Maria',
      surname: 'Wójcik',
      peselMasked: '*******3628',
    });
  });

  it('refuses a certificate that names no PESEL', async () => {
    const ca = await createTestCa();
    const caCert = new X509Certificate(ca.caCertPem);
    let err: unknown;
    try {
      holderFromCertificate(caCert);
    } catch (e) {
      err = e;
    }
    expect(isSkrError(err, 'INVALID')).toBe(true);
  });
});
