import { IdCardApp } from '@skr/protocol/card';

// PC/SC v2 part 10: a reader lists its extra features in answer to
// CM_IOCTL_GET_FEATURE_REQUEST as TLVs (tag, length 4, big-endian control code).

/** SCARD_CTL_CODE as pcsc-lite (and pcsclite's own helper) define it per platform. */
export function scardCtlCode(n: number): number {
  return process.platform === 'win32' ? ((0x31 << 16) | (n << 2)) >>> 0 : 0x42000000 + n;
}

/** SCardControl code of CM_IOCTL_GET_FEATURE_REQUEST. */
export const CM_IOCTL_GET_FEATURE_REQUEST = scardCtlCode(3400);
/** Feature tag: the reader takes the PIN on its own keypad and sends VERIFY itself. */
export const FEATURE_VERIFY_PIN_DIRECT = 0x06;

/** Parses the feature TLV list into tag → control code; stops at a truncated entry. */
export function parseFeatures(tlv: Uint8Array): Map<number, number> {
  const out = new Map<number, number>();
  const b = Buffer.from(tlv);
  for (let i = 0; i + 2 <= b.length;) {
    const tag = b[i] ?? 0;
    const len = b[i + 1] ?? 0;
    if (i + 2 + len > b.length) break;
    if (len === 4) out.set(tag, b.readUInt32BE(i + 2));
    i += 2 + len;
  }
  return out;
}

/**
 * PIN_VERIFY_STRUCTURE for FEATURE_VERIFY_PIN_DIRECT: the reader asks for 4–8 digits,
 * writes them as ASCII at offset 0 of VERIFY's 8-byte 0xFF-padded block and sends it.
 * Multi-byte fields are little-endian, as CCID readers expect.
 */
export function pinVerifyStructure(opts: { timeoutS?: number; langId?: number } = {}): Buffer {
  const n = IdCardApp.pinBlockLength;
  const apdu = Buffer.alloc(5 + n, 0xff);
  apdu.set([0x00, 0x20, 0x00, IdCardApp.pinRef, n], 0);
  const s = Buffer.alloc(19 + apdu.length);
  s[0] = opts.timeoutS ?? 30; // bTimerOut
  s[1] = opts.timeoutS ?? 30; // bTimerOut2
  s[2] = 0x82; // bmFormatString: byte units, PIN at 0, left-justified, ASCII
  s[3] = n; // bmPINBlockString: no length field, block of n bytes
  s[4] = 0x00; // bmPINLengthFormat: no PIN length in the APDU
  s.writeUInt16LE((4 << 8) | n, 5); // wPINMaxExtraDigit: min 4, max n digits
  s[7] = 0x02; // bEntryValidationCondition: OK key pressed
  s[8] = 0x01; // bNumberMessage
  s.writeUInt16LE(opts.langId ?? 0x0415, 9); // wLangId: Polish
  s[11] = 0x00; // bMsgIndex
  // s[12..14] bTeoPrologue stays 0 (T=1 prologue filled by the reader)
  s.writeUInt32LE(apdu.length, 15); // ulDataLength
  apdu.copy(s, 19);
  return s;
}

/** Status words CCID pinpads answer with when no PIN reached the card. */
export const PINPAD_SW = { TIMEOUT: 0x6400, CANCELLED: 0x6401 } as const;
