import { createHash, X509Certificate } from 'node:crypto';
import { openIdCardSession, type PcscReaderService } from '@skr/card-reader';
import { SkrError } from '@skr/protocol';
import { cadesSignedAttributes, cadesSignedData } from './cades';
import { embedCms, preparePdfSignature } from './pdf-signature';

/** What the signature dictionary names besides the signer. */
export interface SignPdfOptions {
  reason: string;
  location?: string;
  /** Shown as the signer's name; defaults to the certificate's common name. */
  name?: string;
}

/** Signs PDFs with the ID card's signature key ("podpis osobisty"): PAdES B-B, ETSI.CAdES.detached. */
export interface SigningService {
  /**
   * Returns the signed PDF. `pin6` is the 6-digit signature PIN, zeroed before this returns
   * whatever happens. Rejects like the card does: PIN_INVALID (details.triesLeft),
   * PIN_BLOCKED, CARD_REMOVED, INVALID (PIN not 6 digits, PDF unreadable).
   */
  signPdf(pdf: Buffer, pin6: Buffer, opts: SignPdfOptions): Promise<Buffer>;
}

/** The part of an ID-card session that signing needs (card-reader's session has it). */
export interface SignatureCard {
  readSignatureCertificate(): Promise<{ pem: string }>;
  signDigest(pin6: Buffer, digest: Buffer): Promise<Buffer>;
  /** Ends the session and resets the card. */
  close(): Promise<void>;
}

/** Options of {@link createSigningService}. */
interface SigningServiceOptions {
  /** Opens a session on the card in the reader, one per signature. */
  openCard: () => Promise<SignatureCard>;
  now?: () => Date;
}

/** Opens card-reader sessions on `reader`: CARD_REMOVED when no card is in. */
export function pcscSignatureCard(pcsc: PcscReaderService, reader: string) {
  return async (): Promise<SignatureCard> => {
    if (!pcsc.cardPresent(reader)) throw new SkrError('CARD_REMOVED', 'no card in the reader');
    return openIdCardSession(pcsc, reader, { timeoutMs: 5000 });
  };
}

/** Creates the signing service over the card `openCard` reaches. */
export function createSigningService(opts: SigningServiceOptions): SigningService {
  const now = opts.now ?? (() => new Date());
  return {
    async signPdf(pdf, pin6, o) {
      let card: SignatureCard | null = null;
      try {
        card = await opts.openCard();
        const cert = new X509Certificate((await card.readSignatureCertificate()).pem);
        const signingTime = now();
        const prepared = await preparePdfSignature(pdf, {
          reason: o.reason,
          ...(o.location ? { location: o.location } : {}),
          name: o.name ?? commonName(cert),
          signingTime,
        });
        const attrs = cadesSignedAttributes(prepared.digest, cert.raw, signingTime);
        // The card signs the SHA-256 of the DER of the signed attributes (CMS, RFC 5652 5.4).
        const digest = createHash('sha256').update(attrs.der).digest();
        const signature = await card.signDigest(pin6, digest);
        return embedCms(prepared, cadesSignedData(cert.raw, attrs, signature));
      } finally {
        pin6.fill(0);
        // Reset the card: the signature PIN is good for this one signature only.
        await card?.close().catch(() => undefined);
      }
    },
  };
}

function commonName(cert: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1] ?? '';
}
