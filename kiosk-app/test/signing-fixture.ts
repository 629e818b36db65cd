// The virtual card's signing primitive in process, as a SignatureCard for the signing service:
// for tests of PAdES and of the stand-in's check that need no pcscd (the pcscd path has its own).
import {
  privateScalar,
  signDigestP256,
  type IssuedHolder,
} from '@skr/hardware-mocks/id-card/index';
import { createSigningService, type SignatureCard } from '../src/devices/signing-service';

/** Opens an in-process card holding `issued`; with `pin` it refuses other PINs and logs calls. */
export function inProcessCard(
  issued: IssuedHolder,
  check: { pin?: string; log?: string[] } = {},
): () => Promise<SignatureCard> {
  const log = check.log ?? [];
  return async () => ({
    readSignatureCertificate: async () => ({ pem: issued.certPem }),
    async signDigest(pin6, digest) {
      const ok = check.pin === undefined || pin6.toString('latin1') === check.pin;
      log.push(`sign ${ok ? 'pin-ok' : 'pin-bad'}`);
      if (!ok) throw new Error('wrong PIN');
      return signDigestP256(await privateScalar(issued.keys.privateKey), digest);
    },
    close: async () => void log.push('close'),
  });
}

/** `pdf` signed (PAdES) with the signature key in `issued`. */
export function signWith(issued: IssuedHolder, pdf: Buffer): Promise<Buffer> {
  return createSigningService({ openCard: inProcessCard(issued) }).signPdf(
    pdf,
    Buffer.from('000000'),
    { reason: 'Złożenie dokumentu' },
  );
}
