import { IdCardApp } from '@skr/protocol/card';

/** A card's answer split into data and status word. */
export interface ApduResponse {
  data: Buffer;
  sw: number;
}

/** Splits data + SW1 SW2; callers check length ≥ 2 first (shorter means the card is gone). */
export function splitResponse(raw: Buffer): ApduResponse {
  if (raw.length < 2) throw new RangeError(`response too short: ${raw.length} bytes`);
  return { data: raw.subarray(0, raw.length - 2), sw: raw.readUInt16BE(raw.length - 2) };
}

/** Formats a status word as "6A82". */
export const swHex = (sw: number): string => sw.toString(16).toUpperCase().padStart(4, '0');

/** SELECT by AID, no FCI wanted (P2 0C). */
export function selectAid(aid: readonly number[] = IdCardApp.aid): Buffer {
  return Buffer.from([0x00, 0xa4, 0x04, 0x0c, aid.length, ...aid]);
}

/** SELECT EF by file id under the current DF. */
export function selectEf(fid: readonly number[] = IdCardApp.certFid): Buffer {
  return Buffer.from([0x00, 0xa4, 0x02, 0x0c, fid.length, ...fid]);
}

/** READ BINARY of `length` (1–256) bytes at `offset` (< 32768) of the selected EF. */
export function readBinary(offset: number, length: number): Buffer {
  if (offset < 0 || offset > 0x7fff || length < 1 || length > 256)
    throw new RangeError('READ BINARY bounds');
  return Buffer.from([0x00, 0xb0, offset >> 8, offset & 0xff, length & 0xff]);
}

/**
 * VERIFY with the PIN as ASCII digits padded with 0xFF. The returned buffer holds the PIN:
 * the caller wipes it (`fill(0)`) as soon as it has been sent.
 */
export function verifyPinApdu(pin: Uint8Array, ref: number = IdCardApp.pinRef): Buffer {
  const n = IdCardApp.pinBlockLength;
  const apdu = Buffer.alloc(5 + n, 0xff);
  apdu.set([0x00, 0x20, 0x00, ref, n], 0);
  apdu.set(pin, 5);
  return apdu;
}

/** VERIFY without data: asks for the PIN status (9000 verified, 63Cx tries left, 6983 blocked). */
export function pinStatusApdu(ref: number = IdCardApp.pinRef): Buffer {
  return Buffer.from([0x00, 0x20, 0x00, ref]);
}

/** MANAGE SECURITY ENVIRONMENT: SET (digital signature template) choosing the key for PSO. */
export function selectKeyApdu(keyRef: number): Buffer {
  return Buffer.from([0x00, 0x22, 0x41, 0xb6, 0x03, 0x84, 0x01, keyRef]);
}

/** PSO: COMPUTE DIGITAL SIGNATURE over the challenge (the card hashes it with SHA-256). */
export function computeSignatureApdu(challenge: Uint8Array): Buffer {
  return Buffer.from([0x00, 0x2a, 0x9e, 0x9a, challenge.length, ...challenge, 0x00]);
}

/** An APDU as hex for logs, with VERIFY's data (the PIN) replaced by its length only. */
export function redactApdu(apdu: Uint8Array): string {
  const hex = Buffer.from(apdu).toString('hex').toUpperCase();
  if (apdu.length > 5 && apdu[1] === 0x20)
    return `${hex.slice(0, 10)}<${apdu.length - 5} bytes redacted>`;
  return hex;
}

/** True when `pin` is 4–8 ASCII digits (what an e-ID PIN can be). */
export function isWellFormedPin(pin: Uint8Array): boolean {
  return (
    pin.length >= 4 &&
    pin.length <= IdCardApp.pinBlockLength &&
    pin.every((b) => b >= 0x30 && b <= 0x39)
  );
}

/** True when `pin` is exactly the signature PIN's 6 ASCII digits. */
export function isWellFormedSignPin(pin: Uint8Array): boolean {
  return pin.length === IdCardApp.signPinLength && isWellFormedPin(pin);
}
