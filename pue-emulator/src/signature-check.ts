// What the stand-in checks of a PDF signed with the ID card's signature key before it issues a
// UPP (PAdES, ETSI.CAdES.detached): the byte range covers the whole file but the signature
// hole, the CMS messageDigest is the SHA-256 of that range, the ECDSA signature over the signed
// attributes verifies with the signer's certificate, and that certificate chains to a trusted
// (test) CA, is valid now and is a signing certificate (keyUsage nonRepudiation).
import 'reflect-metadata';
import { createHash, verify, X509Certificate } from 'node:crypto';
import {
  ContentInfo,
  SignedData,
  id_contentType,
  id_messageDigest,
  id_signedData,
} from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as x509 from '@peculiar/x509';
import { SkrError } from '@skr/protocol';
import { checkChain, peselFromSubject } from './auth-card';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
/** DER of OBJECT IDENTIFIER id-data (1.2.840.113549.1.7.1). */
const ID_DATA_DER = Buffer.from('06092a864886f70d010701', 'hex');
const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Who signed, as the signature certificate names them. */
interface PdfSigner {
  pesel: string | null;
  name: string;
  certificatePem: string;
}

const refuse = (why: string, cause?: unknown) =>
  new SkrError('INVALID', `The document signature is not valid: ${why}`, {
    details: { reason: 'BAD_SIGNATURE' },
    ...(cause ? { cause } : {}),
  });

/** True when the bytes hold a PDF signature dictionary (a /ByteRange). */
export function hasPdfSignature(pdf: Buffer): boolean {
  return pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdf.includes('/ByteRange');
}

/** The signed byte ranges and the CMS of the last signature; refuses what does not cover the file. */
function signedParts(pdf: Buffer): { content: Buffer; cms: Buffer } {
  const ranges = [...pdf.toString('latin1').matchAll(BYTE_RANGE)];
  const last = ranges.at(-1);
  if (!last) throw refuse('no byte range');
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  // Bytes outside the range would be unsigned: an appended update, or a range that lies.
  if (a !== 0 || b <= 0 || c <= b + 1 || c + d !== pdf.length)
    throw refuse('the signature does not cover the whole file');
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) throw refuse('the signature contents are misplaced');
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw refuse('the signature contents are not hex');
  return {
    content: Buffer.concat([pdf.subarray(0, b), pdf.subarray(c)]),
    cms: Buffer.from(hex, 'hex'),
  };
}

/** The DER element at the start of `b` without the zero padding after it. */
function firstDer(b: Buffer): Buffer {
  if (b.length < 2) throw refuse('empty CMS');
  const first = b[1] ?? 0;
  if (first < 0x80) return b.subarray(0, 2 + first);
  const n = first & 0x7f;
  if (n === 0 || n > 4 || b.length < 2 + n) throw refuse('malformed CMS length');
  return b.subarray(0, 2 + n + b.readUIntBE(2, n));
}

/** The TLV children of a constructed DER element (its content must be definite-length DER). */
function derChildren(el: Buffer): Buffer[] {
  const head = (el[1] ?? 0) < 0x80 ? 2 : 2 + ((el[1] ?? 0) & 0x7f);
  const out: Buffer[] = [];
  for (let at = head; at < el.length;) {
    const child = firstDer(el.subarray(at));
    out.push(child);
    at += child.length;
  }
  return out;
}

/**
 * The signed attributes exactly as they were signed. asn1-schema keeps no raw bytes of a SET
 * OF, so they are cut out of the DER: SignedData's last child is signerInfos, whose one
 * SignerInfo holds them as its [0] child.
 */
function signedAttrsDer(signedDataDer: Buffer): Buffer {
  const signerInfos = derChildren(signedDataDer).at(-1);
  const signerInfo = signerInfos && derChildren(signerInfos)[0];
  const attrs = signerInfo && derChildren(signerInfo).find((c) => c[0] === 0xa0);
  if (!attrs) throw refuse('no signed attributes');
  // The signature covers the attributes as an explicit SET (tag 31), not the [0] they travel in.
  return Buffer.concat([Buffer.from([0x31]), attrs.subarray(1)]);
}

function parseSignedData(cms: Buffer): { sd: SignedData; signedAttrs: Buffer } {
  try {
    const info = AsnConvert.parse(firstDer(cms), ContentInfo);
    if (info.contentType !== id_signedData) throw refuse('the CMS is not SignedData');
    const der = Buffer.from(info.content);
    return { sd: AsnConvert.parse(der, SignedData), signedAttrs: signedAttrsDer(der) };
  } catch (e) {
    if (e instanceof SkrError) throw e;
    throw refuse('the CMS cannot be read', e);
  }
}

const attr = (attrs: { attrType: string; attrValues: ArrayBuffer[] }[], type: string) => {
  const found = attrs.filter((a) => a.attrType === type);
  if (found.length !== 1 || found[0]?.attrValues.length !== 1)
    throw refuse(`signed attribute ${type} missing or repeated`);
  return Buffer.from(found[0].attrValues[0]!);
};

/**
 * Verifies the PDF's (last) signature against `caCertsPem` at `now` and returns the signer.
 * Throws INVALID (details.reason BAD_SIGNATURE) saying what failed.
 */
export function verifyPdfSignature(pdf: Buffer, caCertsPem: string[], now: Date): PdfSigner {
  const { content, cms } = signedParts(pdf);
  const { sd, signedAttrs } = parseSignedData(cms);
  const [signer, ...more] = sd.signerInfos;
  if (!signer || more.length) throw refuse('expected exactly one signer');
  if (signer.digestAlgorithm.algorithm !== SHA256) throw refuse('digest is not SHA-256');
  if (signer.signatureAlgorithm.algorithm !== ECDSA_WITH_SHA256)
    throw refuse('signature is not ECDSA with SHA-256');
  if (!signer.signedAttrs) throw refuse('no signed attributes');
  if (!attr(signer.signedAttrs, id_contentType).equals(ID_DATA_DER))
    throw refuse('the signed content type is not data');
  const digest = createHash('sha256').update(content).digest();
  const messageDigest = attr(signer.signedAttrs, id_messageDigest);
  // OCTET STRING of 32 bytes: 04 20 <digest>
  if (!messageDigest.subarray(2).equals(digest) || messageDigest[0] !== 0x04)
    throw refuse('the document was changed after signing');

  const issuerSerial = signer.sid.issuerAndSerialNumber;
  const certChoice = sd.certificates?.find((c) => {
    const tbs = c.certificate?.tbsCertificate;
    return (
      tbs &&
      issuerSerial &&
      Buffer.from(tbs.serialNumber).equals(Buffer.from(issuerSerial.serialNumber)) &&
      Buffer.from(AsnConvert.serialize(tbs.issuer)).equals(
        Buffer.from(AsnConvert.serialize(issuerSerial.issuer)),
      )
    );
  });
  if (!certChoice?.certificate) throw refuse("the signer's certificate is not in the signature");
  const cert = new X509Certificate(Buffer.from(AsnConvert.serialize(certChoice.certificate)));
  const ok = verify(
    'sha256',
    signedAttrs,
    { key: cert.publicKey, dsaEncoding: 'der' },
    Buffer.from(signer.signature.buffer),
  );
  if (!ok) throw refuse('the signature does not match the signed attributes');
  try {
    checkChain(cert, caCertsPem, now);
  } catch (e) {
    throw refuse(e instanceof Error ? e.message : 'untrusted certificate', e);
  }
  const usages = new x509.X509Certificate(cert.raw).getExtension(x509.KeyUsagesExtension)?.usages;
  if (!usages || !(usages & x509.KeyUsageFlags.nonRepudiation))
    throw refuse('the certificate is not a signature certificate');
  return {
    pesel: peselFromSubject(cert.subject) ?? null,
    name: /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1] ?? '',
    certificatePem: cert.toString(),
  };
}
