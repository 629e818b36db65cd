// The CMS part of a PAdES baseline B-B signature (ETSI EN 319 142-1, CAdES detached): the
// signed attributes the card signs and the SignedData that goes into the PDF's /Contents.
import { createHash } from 'node:crypto';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  DigestAlgorithmIdentifier,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  MessageDigest,
  SignatureAlgorithmIdentifier,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  SigningTime,
  id_contentType,
  id_data,
  id_messageDigest,
  id_signedData,
  id_signingTime,
} from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
/** id-aa-signingCertificateV2 (RFC 5035): binds the signer's certificate into what is signed. */
const ID_AA_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
/** DER of OBJECT IDENTIFIER id-data, the contentType attribute's value. */
const ID_DATA_DER = Buffer.from('06092a864886f70d010701', 'hex');

/** One DER TLV with a short or long definite length. */
function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  if (n < 0x80) return Buffer.concat([Buffer.from([tag, n]), content]);
  const len: number[] = [];
  for (let v = n; v > 0; v >>>= 8) len.unshift(v & 0xff);
  return Buffer.concat([Buffer.from([tag, 0x80 | len.length, ...len]), content]);
}

/** SigningCertificateV2 { certs: [ ESSCertIDv2 { certHash } ] } (hashAlgorithm defaults to SHA-256). */
function signingCertificateV2(certDer: Buffer): Buffer {
  const hash = createHash('sha256').update(certDer).digest();
  return tlv(0x30, tlv(0x30, tlv(0x30, tlv(0x04, hash))));
}

/** DER orders a SET OF by the encodings of its elements. */
function derSetOrder(items: Buffer[]): Buffer[] {
  const width = Math.max(...items.map((b) => b.length));
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc(width - b.length)]);
  return [...items].sort((a, b) => Buffer.compare(pad(a), pad(b)));
}

/** Signed attributes ready to be signed (`der`, tagged SET) and to go into the SignerInfo. */
interface SignedAttributes {
  attributes: Attribute[];
  /** DER of SET OF Attribute: its SHA-256 is what the card signs. */
  der: Buffer;
}

/** Builds contentType, messageDigest, signingTime and signingCertificateV2 over `contentDigest`. */
export function cadesSignedAttributes(
  contentDigest: Buffer,
  certDer: Buffer,
  signingTime: Date,
): SignedAttributes {
  const value = (v: ArrayBuffer | Buffer) =>
    v instanceof ArrayBuffer ? v : new Uint8Array(v).buffer;
  const unordered = [
    new Attribute({ attrType: id_contentType, attrValues: [value(ID_DATA_DER)] }),
    new Attribute({
      attrType: id_messageDigest,
      attrValues: [AsnConvert.serialize(new MessageDigest(new Uint8Array(contentDigest)))],
    }),
    new Attribute({
      attrType: id_signingTime,
      attrValues: [AsnConvert.serialize(new SigningTime(signingTime))],
    }),
    new Attribute({
      attrType: ID_AA_SIGNING_CERTIFICATE_V2,
      attrValues: [value(signingCertificateV2(certDer))],
    }),
  ];
  const encoded = unordered.map((a) => ({ a, der: Buffer.from(AsnConvert.serialize(a)) }));
  const ordered = derSetOrder(encoded.map((e) => e.der));
  const attributes = ordered.map((der) => encoded.find((e) => e.der === der)!.a);
  return { attributes, der: tlv(0x31, Buffer.concat(ordered)) };
}

/** Raw r||s (what the card returns) as the DER Ecdsa-Sig-Value CMS carries. */
function p1363ToDer(sig: Buffer): Buffer {
  if (sig.length !== 64) throw new RangeError('P-256 signature must be 64 bytes');
  const int = (b: Buffer) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    return tlv(0x02, (v[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
  };
  return tlv(0x30, Buffer.concat([int(sig.subarray(0, 32)), int(sig.subarray(32))]));
}

/** The detached CMS SignedData (ContentInfo, DER) for the PDF's /Contents. */
export function cadesSignedData(
  certDer: Buffer,
  signed: SignedAttributes,
  signatureP1363: Buffer,
): Buffer {
  const choice = AsnConvert.parse(certDer, CertificateChoices);
  const cert = choice.certificate;
  if (!cert) throw new Error('signer certificate is not an X.509 certificate');
  const signer = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: cert.tbsCertificate.issuer,
        serialNumber: cert.tbsCertificate.serialNumber,
      }),
    }),
    digestAlgorithm: new DigestAlgorithmIdentifier({ algorithm: SHA256 }),
    signedAttrs: signed.attributes,
    signatureAlgorithm: new SignatureAlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
    signature: new OctetString(new Uint8Array(p1363ToDer(signatureP1363))),
  });
  const data = new SignedData({
    version: 1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([
      new DigestAlgorithmIdentifier({ algorithm: SHA256 }),
    ]),
    // Detached: the signed content is the PDF's byte range, not carried here.
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }),
    certificates: new CertificateSet([choice]),
    signerInfos: new SignerInfos([signer]),
  });
  const info = new ContentInfo({
    contentType: id_signedData,
    content: AsnConvert.serialize(data),
  });
  return Buffer.from(AsnConvert.serialize(info));
}
