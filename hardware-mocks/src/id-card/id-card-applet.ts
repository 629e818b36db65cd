import { webcrypto } from 'node:crypto';
import { IdCardApp } from '@skr/protocol/card';

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

/** What an ID-card applet holds: the PIN, the certificate file, the private key. */
export interface IdCardAppletOptions {
  pin: string;
  certDer: Uint8Array;
  privateKey: webcrypto.CryptoKey;
  maxTries?: number;
}

/** The card's APDU state machine, without any transport. */
export interface IdCardApplet {
  /** Answers one command APDU with data + SW1 SW2. */
  handle(apdu: Uint8Array): Promise<Buffer>;
  /** Power off / reset: forget the selection and the verified PIN (the try counter stays). */
  reset(): void;
  /** Wrong PIN tries still allowed (0 = blocked). */
  readonly triesLeft: number;
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

/** Pads a PIN like the reader does: ASCII digits, 0xFF to the PIN block length. */
function pinBlock(pin: string): Buffer {
  const b = Buffer.alloc(IdCardApp.pinBlockLength, 0xff);
  b.write(pin, 'ascii');
  return b;
}

/** Makes the e-ID-like applet: SELECT, READ BINARY, VERIFY, PSO: COMPUTE DIGITAL SIGNATURE. */
export function createIdCardApplet(opts: IdCardAppletOptions): IdCardApplet {
  if (!/^\d{4,8}$/.test(opts.pin)) throw new Error('PIN must be 4-8 digits');
  const maxTries = opts.maxTries ?? IdCardApp.maxPinTries;
  const expectedPin = pinBlock(opts.pin);
  const cert = Buffer.from(opts.certDer);
  let triesLeft = maxTries;
  let appSelected = false;
  let efSelected = false;
  let pinVerified = false;

  function select(p1: number, data: Buffer): Buffer {
    if (p1 === 0x04) {
      appSelected = data.equals(Buffer.from(IdCardApp.aid));
      efSelected = false;
      pinVerified = false;
      return sw(appSelected ? SW.OK : SW.NOT_FOUND);
    }
    if (p1 === 0x02) {
      efSelected = appSelected && data.equals(Buffer.from(IdCardApp.certFid));
      return sw(efSelected ? SW.OK : SW.NOT_FOUND);
    }
    return sw(SW.WRONG_P1P2);
  }

  function readBinary(p1: number, p2: number, le: number): Buffer {
    if (!efSelected) return sw(SW.NO_CURRENT_EF);
    const offset = ((p1 & 0x7f) << 8) | p2;
    if (offset >= cert.length) return sw(SW.WRONG_P1P2);
    const chunk = cert.subarray(offset, offset + le);
    return sw(chunk.length < le ? SW.END_OF_FILE : SW.OK, chunk);
  }

  function verify(p2: number, data: Buffer): Buffer {
    if (!appSelected || p2 !== IdCardApp.pinRef) return sw(SW.NOT_FOUND);
    if (triesLeft === 0) return sw(SW.PIN_BLOCKED);
    // No data: ISO 7816-4 status query — verified already, or how many tries are left.
    if (data.length === 0) return sw(pinVerified ? SW.OK : 0x63c0 | triesLeft);
    if (data.length !== IdCardApp.pinBlockLength) return sw(SW.WRONG_LENGTH);
    if (data.equals(expectedPin)) {
      triesLeft = maxTries;
      pinVerified = true;
      return sw(SW.OK);
    }
    triesLeft -= 1;
    pinVerified = false;
    return sw(triesLeft === 0 ? SW.PIN_BLOCKED : 0x63c0 | triesLeft);
  }

  async function sign(p1: number, p2: number, data: Buffer): Promise<Buffer> {
    if (p1 !== 0x9e || p2 !== 0x9a) return sw(SW.WRONG_P1P2);
    if (!appSelected) return sw(SW.NOT_FOUND);
    if (!pinVerified) return sw(SW.SECURITY_NOT_SATISFIED);
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
      return triesLeft;
    },
    reset() {
      appSelected = false;
      efSelected = false;
      pinVerified = false;
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
        default:
          return sw(SW.INS_NOT_SUPPORTED);
      }
    },
  };
}
