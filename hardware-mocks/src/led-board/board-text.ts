import { LedShowText } from '@skr/protocol/led-board';

// SHOW_TEXT payload as a board reads it: flags (bit 0 = blink), then CP1250 text with lines
// separated by LF. Decoded with the runtime's own windows-1250 table (WHATWG Encoding), not the
// driver's iconv-lite path, so a wrong code page on one side shows up as wrong text here.

const cp1250 = new TextDecoder('windows-1250');
const BLINK = 0x01;
const LF = '\n';

/** The lines and blink flag of a SHOW_TEXT payload; undefined when empty (the board NAKs 0x03). */
export function readShowText(payload: Uint8Array): LedShowText | undefined {
  if (payload.length === 0) return undefined;
  const flags = payload[0] ?? 0;
  const text = cp1250.decode(payload.subarray(1));
  return LedShowText.parse({ lines: text.split(LF), blink: (flags & BLINK) !== 0 });
}
