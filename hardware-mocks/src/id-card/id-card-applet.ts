import { webcrypto } from 'node:crypto';
import { IdCardApp } from '@skr/protocol/card';
import { createCardPin } from './card-pin';
import { privateScalar, signDigestP256 } from './ecdsa-digest';

/** ISO 7816-4 status words the applet answers with. */
export const SW = {
  OK: 0x9000,
  END_OF_FILE: 0x6282,
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  PIN_BLOCKED: 0x6983,
  NO_CURRENT_EF: 0x6986,
  WRONG_DATA: 0x6a80,
  NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

/** The signature ("podpis osobisty") side of the card: its own PIN, certificate and key. */
export interface IdCardSignatureOptions {
  /** Exactly 6 digits, like the Polish e-ID's signature PIN. */
  pin: string;
  certDer: Uint8Array;
  /** Must be extractable: the virtual card signs a given digest with the raw scalar. */
  privateKey: webcrypto.CryptoKey;
}

/** What an ID-card applet holds: the PIN, the certificate file, the private key. */
export interface IdCardAppletOptions {
  pin: string;
  certDer: Uint8Array;
  privateKey: webcrypto.CryptoKey;
  maxTries?: number;
  /** The signature key; without it the signature file, PIN and key answer 6A82. */
  signature?: IdCardSignatureOptions;
}

/** The card's APDU state machine, without any transport. */
export interface IdCardApplet {
  /** Answers one command APDU with data + SW1 SW2. */
  handle(apdu: Uint8Array): Promise<Buffer>;
  /** Power off / reset: forget the selection and the verified PIN (the try counter stays). */
  reset(): void;
  /** Wrong PIN tries still allowed (0 = blocked). */
  readonly triesLeft: number;
  /** Wrong signature-PIN tries still allowed (0 = blocked); its own counter. */
  readonly signTriesLeft: number;
}

const sw = (code: number, data: Uint8Array = new Uint8Array(0)): Buffer => {
  const out = Buffer.alloc(data.length + 2);
  out.set(data, 0);
  out.writeUInt16BE(code, data.length);
  return out;
};

/** Parses a short APDU into header, command data and Le presence (cases 1–4). */
function parseApdu(a: Uint8Array): {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data: Buffer;
  hasLe: boolean;
  le: number;
} | null {
  if (a.length < 4) return null;
  const [cla = 0, ins = 0, p1 = 0, p2 = 0] = a;
  const body = Buffer.from(a.subarray(4));
  if (body.length === 0) return { cla, ins, p1, p2, data: body, hasLe: false, le: 0 };
  if (body.length === 1)
    return { cla, ins, p1, p2, data: Buffer.alloc(0), hasLe: true, le: body[0] || 256 };
  const lc = body[0] ?? 0;
  if (body.length === 1 + lc)
    return { cla, ins, p1, p2, data: body.subarray(1), hasLe: false, le: 0 };
  if (body.length === 2 + lc)
    return {
      cla,
      ins,
      p1,
      p2,
      data: body.subarray(1, 1 + lc),
      hasLe: true,
      le: body[1 + lc] || 256,
    };
  return null;
}

const hexId = (fid: readonly number[]): string => Buffer.from(fid).toString('hex');

/** Makes the e-ID-like applet: SELECT, READ BINARY, VERIFY, MSE: SET, PSO: COMPUTE DIGITAL SIGNATURE. */
export function createIdCardApplet(opts: IdCardAppletOptions): IdCardApplet {
  if (!/^\d{4,8}$/.test(opts.pin)) throw new Error('PIN must be 4-8 digits');
  const maxTries = opts.maxTries ?? IdCardApp.maxPinTries;
  const loginPin = createCardPin(opts.pin, maxTries);
  const sig = opts.signature;
  if (sig && !new RegExp(`^\\d{${IdCardApp.signPinLength}}$`).test(sig.pin))
    throw new Error(`signature PIN must be ${IdCardApp.signPinLength} digits`);
  const signPin = sig ? createCardPin(sig.pin, maxTries) : null;
  const files = new Map<string, Buffer>([[hexId(IdCardApp.certFid), Buffer.from(opts.certDer)]]);
  if (sig) files.set(hexId(IdCardApp.signCertFid), Buffer.from(sig.certDer));
  const signScalar = sig ? privateScalar(sig.privateKey) : null;
  // An unexpected rejection must not go unhandled before the first signature asks for it.
  signScalar?.catch(() => undefined);
  let appSelected = false;
  let ef: Buffer | null = null;
  let keyRef: number = IdCardApp.authKeyRef;

  function select(p1: number, data: Buffer): Buffer {
    if (p1 === 0x04) {
      appSelected = data.equals(Buffer.from(IdCardApp.aid));
      ef = null;
      loginPin.forget();
      signPin?.forget();
      keyRef = IdCardApp.authKeyRef;
      return sw(appSelected ? SW.OK : SW.NOT_FOUND);
    }
    if (p1 === 0x02) {
      ef = appSelected ? (files.get(data.toString('hex')) ?? null) : null;
      return sw(ef ? SW.OK : SW.NOT_FOUND);
    }
    return sw(SW.WRONG_P1P2);
  }

  function readBinary(p1: number, p2: number, le: number): Buffer {
    if (!ef) return sw(SW.NO_CURRENT_EF);
    const offset = ((p1 & 0x7f) << 8) | p2;
    if (offset >= ef.length) return sw(SW.WRONG_P1P2);
    const chunk = ef.subarray(offset, offset + le);
    return sw(chunk.length < le ? SW.END_OF_FILE : SW.OK, chunk);
  }

  // Each PIN has its own counter; a verified signature PIN is good for one signature.
  function verify(p2: number, data: Buffer): Buffer {
    if (appSelected && p2 === IdCardApp.signPinRef && signPin) return sw(signPin.verify(data));
    if (!appSelected || p2 !== IdCardApp.pinRef) return sw(SW.NOT_FOUND);
    return sw(loginPin.verify(data));
  }

  // MANAGE SECURITY ENVIRONMENT: SET for digital signature (P1 41, P2 B6), data 84 01 <key ref>.
  function manageSecurityEnvironment(p1: number, p2: number, data: Buffer): Buffer {
    if (p1 !== 0x41 || p2 !== 0xb6) return sw(SW.WRONG_P1P2);
    if (!appSelected) return sw(SW.NOT_FOUND);
    if (data.length !== 3 || data[0] !== 0x84 || data[1] !== 0x01) return sw(SW.WRONG_DATA);
    const ref = data[2];
    if (ref === IdCardApp.authKeyRef || (ref === IdCardApp.signKeyRef && sig)) {
      keyRef = ref;
      return sw(SW.OK);
    }
    return sw(SW.NOT_FOUND);
  }

  async function signWithSignatureKey(digest: Buffer): Promise<Buffer> {
    if (!signPin?.verified || !signScalar) return sw(SW.SECURITY_NOT_SATISFIED);
    if (digest.length !== IdCardApp.challengeLength) return sw(SW.WRONG_LENGTH);
    // One PIN, one signature: the holder types the signature PIN again for the next one.
    signPin.forget();
    return sw(SW.OK, signDigestP256(await signScalar, digest));
  }

  async function sign(p1: number, p2: number, data: Buffer): Promise<Buffer> {
    if (p1 !== 0x9e || p2 !== 0x9a) return sw(SW.WRONG_P1P2);
    if (!appSelected) return sw(SW.NOT_FOUND);
    if (keyRef === IdCardApp.signKeyRef) return signWithSignatureKey(data);
    if (!loginPin.verified) return sw(SW.SECURITY_NOT_SATISFIED);
    if (data.length !== IdCardApp.challengeLength) return sw(SW.WRONG_LENGTH);
    // WebCrypto's ECDSA output is already IEEE P1363 (r||s), which is what the portal expects.
    const sig = await webcrypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      opts.privateKey,
      data,
    );
    return sw(SW.OK, new Uint8Array(sig));
  }

  return {
    get triesLeft() {
      return loginPin.triesLeft;
    },
    get signTriesLeft() {
      return signPin?.triesLeft ?? 0;
    },
    reset() {
      appSelected = false;
      ef = null;
      loginPin.forget();
      signPin?.forget();
      keyRef = IdCardApp.authKeyRef;
    },
    async handle(raw) {
      const a = parseApdu(raw);
      if (!a) return sw(SW.WRONG_LENGTH);
      if (a.cla !== 0x00) return sw(SW.CLA_NOT_SUPPORTED);
      switch (a.ins) {
        case 0xa4:
          return select(a.p1, a.data);
        case 0xb0:
          return readBinary(a.p1, a.p2, a.hasLe ? a.le : 256);
        case 0x20:
          return verify(a.p2, a.data);
        case 0x2a:
          return sign(a.p1, a.p2, a.data);
        case 0x22:
          return manageSecurityEnvironment(a.p1, a.p2, a.data);
        default:
          return sw(SW.INS_NOT_SUPPORTED);
      }
    },
  };
}
