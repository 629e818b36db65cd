import { z } from 'zod';

/** A card appeared in or left a PC/SC reader. */
export const CardEvent = z.object({
  type: z.enum(['inserted', 'removed']),
  reader: z.string().min(1),
});
/** A card appeared in or left a PC/SC reader. */
export type CardEvent = z.infer<typeof CardEvent>;

/** What the kiosk may show about the card holder: names and a masked PESEL, never the full one. */
export const CardHolder = z.object({
  givenName: z.string().min(1),
  surname: z.string().min(1),
  peselMasked: z.string().regex(/^\*{7}\d{4}$/),
});
/** What the kiosk may show about the card holder. */
export type CardHolder = z.infer<typeof CardHolder>;

/** The card's answer to a portal login challenge: its certificate and the raw r||s signature. */
export const CardSignResult = z.object({
  certificatePem: z.string().startsWith('-----BEGIN CERTIFICATE-----'),
  /** Base64 of the 64-byte IEEE P1363 ECDSA P-256 / SHA-256 signature over the challenge. */
  signatureB64: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
/** The card's answer to a portal login challenge. */
export type CardSignResult = z.infer<typeof CardSignResult>;

/**
 * The ID-card application as the reader and the virtual card both know it (modelled on the
 * Polish e-ID; see docs/hardware-card.md for every APDU). Numbers, not a schema: they are
 * the wire contract between card-reader and hardware-mocks.
 */
export const IdCardApp = {
  /** AID of the eID application (national RID D616 = Poland, then our application id). */
  aid: [0xd6, 0x16, 0x00, 0x00, 0x30, 0x01, 0x01],
  /** File id of the holder's authentication certificate (DER). */
  certFid: [0xc0, 0x01],
  /** Reference of the holder's PIN in VERIFY (P2; 0x81 = specific to the selected DF). */
  pinRef: 0x81,
  /** VERIFY carries the PIN as ASCII digits padded with 0xFF to this length. */
  pinBlockLength: 8,
  /** Wrong tries before the PIN blocks. */
  maxPinTries: 3,
  /** PSO: COMPUTE DIGITAL SIGNATURE signs exactly this many challenge bytes. */
  challengeLength: 32,
  /** File id of the holder's signature certificate ("podpis osobisty", DER). */
  signCertFid: [0xc0, 0x02],
  /** Reference of the signature PIN in VERIFY (P2); its try counter is its own. */
  signPinRef: 0x82,
  /** The signature PIN has exactly this many digits (the login PIN has 4). */
  signPinLength: 6,
  /** Key references for MANAGE SECURITY ENVIRONMENT: SET (tag 84): login key, signature key. */
  authKeyRef: 0x01,
  signKeyRef: 0x02,
} as const;
