import type { ErrorCode } from '@skr/protocol/errors';

// pcsclite reports failures as Error messages ending in "(0x8010xxxx)"; the SCARD_* code is
// the only stable part, so we map on it.
const BY_SCARD_CODE: Record<number, ErrorCode> = {
  0x80100069: 'CARD_REMOVED', // SCARD_W_REMOVED_CARD
  0x8010000c: 'CARD_REMOVED', // SCARD_E_NO_SMARTCARD
  0x80100068: 'DISCONNECTED', // SCARD_W_RESET_CARD: someone reset the card under us
  0x80100066: 'UNAVAILABLE', // SCARD_W_UNRESPONSIVE_CARD
  0x80100067: 'UNAVAILABLE', // SCARD_W_UNPOWERED_CARD
  0x8010000a: 'TIMEOUT', // SCARD_E_TIMEOUT
  0x80100009: 'NOT_FOUND', // SCARD_E_UNKNOWN_READER
  0x80100017: 'DISCONNECTED', // SCARD_E_READER_UNAVAILABLE
  0x8010001d: 'UNAVAILABLE', // SCARD_E_NO_SERVICE (pcscd not running)
  0x8010001e: 'UNAVAILABLE', // SCARD_E_SERVICE_STOPPED
  0x8010001f: 'UNAVAILABLE', // SCARD_E_UNSUPPORTED_FEATURE
  0x80100016: 'UNAVAILABLE', // SCARD_E_NOT_TRANSACTED
  0x80100002: 'DISCONNECTED', // SCARD_E_CANCELLED
};

/** SCARD_E_UNSUPPORTED_FEATURE: a reader without the asked-for SCardControl feature. */
export const SCARD_E_UNSUPPORTED_FEATURE = 0x8010001f;

/** The SCARD_* code inside a pcsclite error message, if there is one. */
export function scardCode(e: unknown): number | undefined {
  const m = /\(0x([0-9a-f]{8})\)/i.exec(e instanceof Error ? e.message : String(e));
  return m?.[1] ? Number.parseInt(m[1], 16) : undefined;
}

/** Our error code for a pcsclite failure (unknown ones count as a lost link). */
export function pcscErrorCode(e: unknown): ErrorCode {
  const code = scardCode(e);
  return (code !== undefined && BY_SCARD_CODE[code]) || 'DISCONNECTED';
}
