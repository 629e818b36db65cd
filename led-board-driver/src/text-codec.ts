import iconv from 'iconv-lite';
import { LED_MAX_PAYLOAD, LedShowText } from '@skr/protocol/led-board';

// SHOW_TEXT payload: flags (bit 0 = blink) | text in CP1250, lines separated by LF (0x0A).
// CP1250 holds every Polish letter in one byte (ą = 0xB9 ... Ż = 0xAF) and none of them is a
// framing byte, so Polish text costs no stuffing; a character outside the code page is sent
// as '?', which a board can always draw.

/** Code page of board text. */
export const LED_CODE_PAGE = 'cp1250';
/** Flags bit: blink/highlight this text (a new call). */
export const FLAG_BLINK = 0x01;

/** Lines as given by a caller, normalised: a string may itself hold '\n'. */
export function toLines(lines: readonly string[] | string): string[] {
  const list = typeof lines === 'string' ? [lines] : [...lines];
  return list.flatMap((line) => line.split(/\r?\n/));
}

/** The text a board shows, as one string (lines joined with '\n'); the unit of "changed?". */
export function boardText(lines: readonly string[] | string): string {
  return toLines(lines).join('\n');
}

/** SHOW_TEXT payload bytes; throws RangeError when the text does not fit one frame. */
export function encodeShowText(lines: readonly string[] | string, blink: boolean): Uint8Array {
  const text = iconv.encode(boardText(lines), LED_CODE_PAGE);
  if (text.length + 1 > LED_MAX_PAYLOAD) {
    throw new RangeError(
      `LED text is ${text.length} bytes; at most ${LED_MAX_PAYLOAD - 1} fit a frame`,
    );
  }
  const payload = new Uint8Array(1 + text.length);
  payload[0] = blink ? FLAG_BLINK : 0;
  payload.set(text, 1);
  return payload;
}

/** Decodes a SHOW_TEXT payload; undefined when it is empty (a board NAKs that). */
export function decodeShowText(payload: Uint8Array): LedShowText | undefined {
  if (payload.length < 1) return undefined;
  const flags = payload[0] ?? 0;
  const text = iconv.decode(Buffer.from(payload.subarray(1)), LED_CODE_PAGE);
  return LedShowText.parse({ lines: text.split('\n'), blink: (flags & FLAG_BLINK) !== 0 });
}
