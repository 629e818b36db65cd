import { X509Certificate } from 'node:crypto';
import type { CardHolder } from '@skr/protocol/card';
import { SkrError } from '@skr/protocol/errors';

/** DER → PEM ("CERTIFICATE"), 64 characters a line. */
export function derToPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/**
 * Total length of a DER element from its first bytes (tag + length), or undefined when more
 * bytes are needed. Lets us read the certificate file without knowing its size.
 */
export function derTotalLength(head: Uint8Array): number | undefined {
  if (head.length < 2) return undefined;
  const first = head[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 3) throw new SkrError('INVALID', 'certificate file is not DER');
  if (head.length < 2 + n) return undefined;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (head[2 + i] ?? 0);
  return 2 + n + len;
}

/** Shows only the last 4 digits of a PESEL: "*******1359". */
export function maskPesel(pesel: string): string {
  return `${'*'.repeat(7)}${pesel.slice(-4)}`;
}

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * Reads the holder from an e-ID style subject: GN, SN (or CN split at the last space) and
 * serialNumber "PNOPL-<PESEL>" (ETSI EN 319 412-1 natural person semantics identifier).
 */
export function holderFromCertificate(cert: X509Certificate): CardHolder {
  const subject = cert.toLegacyObject().subject as unknown as Record<
    string,
    string | string[] | undefined
  >;
  const cn = one(subject.CN) ?? '';
  const cut = cn.lastIndexOf(' ');
  const givenName = one(subject.GN) ?? (cut > 0 ? cn.slice(0, cut) : cn);
  const surname = one(subject.SN) ?? (cut > 0 ? cn.slice(cut + 1) : '');
  const pesel = /^PNOPL-(\d{11})$/.exec(one(subject.serialNumber) ?? '')?.[1];
  if (!givenName || !surname || !pesel)
    throw new SkrError('INVALID', 'certificate subject is not an e-ID holder');
  return { givenName, surname, peselMasked: maskPesel(pesel) };
}
