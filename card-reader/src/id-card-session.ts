import { X509Certificate } from 'node:crypto';
import { IdCardApp, type CardHolder, type CardSignResult } from '@skr/protocol/card';
import { SkrError } from '@skr/protocol/errors';
import {
  computeSignatureApdu,
  isWellFormedPin,
  isWellFormedSignPin,
  pinStatusApdu,
  readBinary,
  selectAid,
  selectEf,
  selectKeyApdu,
  splitResponse,
  swHex,
  verifyPinApdu,
} from './apdu';
import { derToPem, derTotalLength, holderFromCertificate } from './certificate-holder';
import { SCARD_E_UNSUPPORTED_FEATURE, scardCode } from './pcsc-errors';
import type { PcscReaderService } from './pcsc-reader-service';
import {
  CM_IOCTL_GET_FEATURE_REQUEST,
  FEATURE_VERIFY_PIN_DIRECT,
  parseFeatures,
  PINPAD_SW,
  pinVerifyStructure,
} from './pinpad';

/** Options of {@link openIdCardSession}. */
export interface IdCardSessionOptions {
  /** Per-APDU timeout (default 5 s). */
  timeoutMs?: number;
  /** How long the holder has to type the PIN on a pinpad (default 30 s). */
  pinpadTimeoutS?: number;
}

/** One inserted ID card: certificate, PIN, challenge signature. Dead once the card is pulled. */
export interface IdCardSession {
  /** Reads the holder's authentication certificate (cached) and who it names. */
  readCertificate(): Promise<{ pem: string; holder: CardHolder }>;
  /** Wrong PIN tries left without spending one (0 = blocked). */
  pinTriesLeft(): Promise<number>;
  /**
   * Verifies the PIN (4–8 ASCII digits). `pin` is zeroed before this returns, whatever
   * happens. Rejects PIN_INVALID (details.triesLeft), PIN_BLOCKED, INVALID (not digits).
   */
  verifyPin(pin: Buffer): Promise<{ ok: true }>;
  /** Lets the reader's own keypad take the PIN; same outcomes as verifyPin, TIMEOUT if nobody types. */
  verifyPinOnPinpad(): Promise<{ ok: true }>;
  /** True when the reader offers FEATURE_VERIFY_PIN_DIRECT (PIN typed on the reader). */
  hasPinpad(): Promise<boolean>;
  /** Signs a 32-byte challenge: raw r||s, ECDSA P-256 / SHA-256. Rejects UNAUTHORIZED before the PIN. */
  sign(challenge: Buffer): Promise<Buffer>;
  /** Certificate + signature in the portal's login shape. */
  respondToChallenge(challenge: Buffer): Promise<CardSignResult>;
  /** Reads the holder's signature certificate ("podpis osobisty", cached) and who it names. */
  readSignatureCertificate(): Promise<{ pem: string; holder: CardHolder }>;
  /** Wrong signature-PIN tries left without spending one (0 = blocked). */
  signaturePinTriesLeft(): Promise<number>;
  /**
   * Verifies the 6-digit signature PIN and signs a 32-byte SHA-256 digest with the signature
   * key: raw r||s (P1363), the card does not hash again. `pin6` is zeroed before the card
   * signs, whatever happens. Rejects INVALID (not 6 digits, digest not 32 bytes), PIN_INVALID
   * (details.triesLeft), PIN_BLOCKED, NOT_FOUND (card without a signature key).
   */
  signDigest(pin6: Buffer, digest: Buffer): Promise<Buffer>;
  /** Ends the session and resets the card, so the verified PIN cannot be reused. */
  close(): Promise<void>;
}

const READ_CHUNK = 0xe0;
const MAX_CERT_BYTES = 0x7fff;

/** Selects the e-ID application on the card in `reader` and returns a session over it. */
export async function openIdCardSession(
  service: PcscReaderService,
  reader: string,
  opts: IdCardSessionOptions = {},
): Promise<IdCardSession> {
  const timeoutMs = opts.timeoutMs ?? 5_000;
  let gone: SkrError | null = null;
  let closed = false;
  let cert: { pem: string; holder: CardHolder } | null = null;
  let signCert: { pem: string; holder: CardHolder } | null = null;
  let features: Map<number, number> | null = null;
  // A session belongs to one insertion: another card put in later is another person.
  const unsubscribe = service.on('removed', (e) => {
    if (e.reader === reader) gone = new SkrError('CARD_REMOVED', `card removed from ${reader}`);
  });

  async function send(apdu: Buffer, ms = timeoutMs): Promise<{ data: Buffer; sw: number }> {
    if (closed) throw new Error('ID-card session is closed');
    if (gone) throw gone;
    return splitResponse(await service.transmit(reader, apdu, ms));
  }

  function pinOutcome(sw: number): { ok: true } {
    if (sw === 0x9000) return { ok: true };
    if (sw === 0x6983 || sw === 0x63c0) throw new SkrError('PIN_BLOCKED', 'PIN blocked');
    if ((sw & 0xfff0) === 0x63c0) {
      const triesLeft = sw & 0x0f;
      throw new SkrError('PIN_INVALID', 'wrong PIN', { details: { triesLeft } });
    }
    if (sw === PINPAD_SW.TIMEOUT) throw new SkrError('TIMEOUT', 'no PIN typed on the pinpad');
    if (sw === PINPAD_SW.CANCELLED)
      throw new SkrError('CANCELLED', 'PIN entry cancelled on the pinpad');
    throw new SkrError('INVALID', `VERIFY answered ${swHex(sw)}`);
  }

  try {
    const { sw } = await send(selectAid());
    if (sw !== 0x9000)
      throw new SkrError('NOT_FOUND', `no e-ID application on the card (${swHex(sw)})`);
  } catch (e) {
    unsubscribe();
    throw e;
  }

  async function readCertFile(fid: readonly number[] = IdCardApp.certFid): Promise<Buffer> {
    const sel = await send(selectEf(fid));
    if (sel.sw !== 0x9000)
      throw new SkrError('NOT_FOUND', `no certificate file (${swHex(sel.sw)})`);
    const parts: Buffer[] = [];
    let have = 0;
    let total: number | undefined;
    while (total === undefined || have < total) {
      const want = Math.min(READ_CHUNK, (total ?? MAX_CERT_BYTES) - have);
      const { data, sw } = await send(readBinary(have, want));
      if (sw !== 0x9000 && sw !== 0x6282)
        throw new SkrError('INVALID', `READ BINARY answered ${swHex(sw)}`);
      if (data.length === 0) break;
      parts.push(data);
      have += data.length;
      total ??= derTotalLength(Buffer.concat(parts));
      if (sw === 0x6282) break;
    }
    const der = Buffer.concat(parts);
    if (total === undefined || der.length < total)
      throw new SkrError('INVALID', 'certificate file is truncated');
    return der.subarray(0, total);
  }

  async function readHolderCert(fid: readonly number[]) {
    const der = await readCertFile(fid);
    return { pem: derToPem(der), holder: holderFromCertificate(new X509Certificate(der)) };
  }

  async function triesLeft(ref: number): Promise<number> {
    const { sw } = await send(pinStatusApdu(ref));
    if (sw === 0x9000) return IdCardApp.maxPinTries;
    if (sw === 0x6983) return 0;
    if ((sw & 0xfff0) === 0x63c0) return sw & 0x0f;
    throw new SkrError('INVALID', `PIN status answered ${swHex(sw)}`);
  }

  // VERIFY of the signature PIN; the PIN buffers are wiped before anything is signed.
  async function verifySignPin(pin6: Buffer, digest: Buffer): Promise<void> {
    let apdu: Buffer | null = null;
    try {
      if (!isWellFormedSignPin(pin6))
        throw new SkrError('INVALID', `signature PIN must be ${IdCardApp.signPinLength} digits`);
      if (digest.length !== 32) throw new SkrError('INVALID', 'digest must be 32 bytes');
      apdu = verifyPinApdu(pin6, IdCardApp.signPinRef);
      const { sw } = await send(apdu);
      if (sw === 0x6a82) throw new SkrError('NOT_FOUND', 'the card has no signature PIN');
      pinOutcome(sw);
    } finally {
      pin6.fill(0);
      apdu?.fill(0);
    }
  }

  const session: IdCardSession = {
    async readCertificate() {
      cert ??= await readHolderCert(IdCardApp.certFid);
      return cert;
    },
    async readSignatureCertificate() {
      signCert ??= await readHolderCert(IdCardApp.signCertFid);
      return signCert;
    },
    pinTriesLeft: () => triesLeft(IdCardApp.pinRef),
    signaturePinTriesLeft: () => triesLeft(IdCardApp.signPinRef),
    async signDigest(pin6, digest) {
      await verifySignPin(pin6, digest);
      const mse = await send(selectKeyApdu(IdCardApp.signKeyRef));
      if (mse.sw !== 0x9000)
        throw new SkrError('NOT_FOUND', `no signature key on the card (${swHex(mse.sw)})`);
      try {
        const { data, sw } = await send(computeSignatureApdu(digest));
        if (sw === 0x6982) throw new SkrError('UNAUTHORIZED', 'signature PIN not verified');
        if (sw !== 0x9000 || data.length !== 64)
          throw new SkrError('INVALID', `signature answered ${swHex(sw)}`);
        return Buffer.from(data);
      } finally {
        // The login key is the card's default; put it back so `sign()` means what it did.
        await send(selectKeyApdu(IdCardApp.authKeyRef)).catch(() => undefined);
      }
    },
    async verifyPin(pin) {
      let apdu: Buffer | null = null;
      try {
        if (!isWellFormedPin(pin)) throw new SkrError('INVALID', 'PIN must be 4-8 digits');
        apdu = verifyPinApdu(pin);
        const { sw } = await send(apdu);
        return pinOutcome(sw);
      } finally {
        // The PIN lives only in these two buffers; JS strings are never made from it.
        pin.fill(0);
        apdu?.fill(0);
      }
    },
    async hasPinpad() {
      if (features) return features.has(FEATURE_VERIFY_PIN_DIRECT);
      if (gone) throw gone;
      try {
        features = parseFeatures(
          await service.control(reader, CM_IOCTL_GET_FEATURE_REQUEST, Buffer.alloc(0), timeoutMs),
        );
      } catch (e) {
        // Readers without part 10 support refuse the request itself: that means "no features".
        if (scardCode((e as SkrError).cause) !== SCARD_E_UNSUPPORTED_FEATURE) throw e;
        features = new Map();
      }
      return features.has(FEATURE_VERIFY_PIN_DIRECT);
    },
    async verifyPinOnPinpad() {
      if (!(await session.hasPinpad())) throw new SkrError('UNAVAILABLE', 'reader has no pinpad');
      const ioctl = features?.get(FEATURE_VERIFY_PIN_DIRECT) ?? 0;
      const s = opts.pinpadTimeoutS ?? 30;
      const out = await service.control(
        reader,
        ioctl,
        pinVerifyStructure({ timeoutS: s }),
        (s + 5) * 1000,
      );
      if (out.length < 2) throw new SkrError('CARD_REMOVED', 'no answer from the pinpad');
      return pinOutcome(out.readUInt16BE(out.length - 2));
    },
    async sign(challenge) {
      if (challenge.length !== IdCardApp.challengeLength)
        throw new SkrError('INVALID', 'challenge must be 32 bytes');
      const { data, sw } = await send(computeSignatureApdu(challenge));
      if (sw === 0x6982) throw new SkrError('UNAUTHORIZED', 'PIN not verified');
      if (sw !== 0x9000 || data.length !== 64)
        throw new SkrError('INVALID', `signature answered ${swHex(sw)}`);
      return Buffer.from(data);
    },
    async respondToChallenge(challenge) {
      const { pem } = await session.readCertificate();
      const sig = await session.sign(challenge);
      return { certificatePem: pem, signatureB64: sig.toString('base64') };
    },
    async close() {
      if (closed) return;
      unsubscribe();
      closed = true;
      if (!gone) await service.disconnect(reader, { reset: true }).catch(() => undefined);
    },
  };
  return session;
}
