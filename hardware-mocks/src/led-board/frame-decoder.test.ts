import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShowText } from './board-text';
import { BoardFrameDecoder, decodeBoardFrames } from './frame-decoder';
import { encodeBoardFrame } from './frame-encoder';
import { boardCrc16 } from './wire-format';

// Frames written out byte by byte: the example in docs/hardware-led.md, and others computed
// outside this code (Python's binascii.crc_hqx(body, 0xFFFF) is CRC-16/CCITT-FALSE, stuffed by
// hand). Neither the driver's codec nor this decoder produced them, so both can be wrong alone.
const hex = (s: string): Uint8Array => Uint8Array.from(s.split(' ').map((b) => parseInt(b, 16)));

/** Board 12, seq 3 (escaped: it is ETX), SHOW_TEXT "Łódź", no blink: the document's example. */
const DOC_EXAMPLE = '02 0C 10 23 01 05 00 A3 F3 64 9F E0 67 03';
/** Hall board 200, seq 7, blink, "Żółć 7" LF "A12 ? 3". */
const HALL = '02 C8 07 01 0F 01 AF F3 B3 E6 20 37 0A 41 31 32 20 3F 20 33 19 C1 03';
/** Board 4, seq 0x10 (DLE, escaped), PING. */
const PING = '02 04 10 30 05 00 F2 A7 03';
/** Broadcast (address 0), seq 2 (escaped: it is STX), no blink, "Przerwa". */
const BROADCAST = '02 00 10 22 01 08 00 50 72 7A 65 72 77 61 A3 25 03';

describe("the emulator's own frame decoder", () => {
  it('computes the CRC check value of the document (0x29B1 for "123456789")', () => {
    expect(boardCrc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });

  it('decodes the document\'s example to board 12, seq 3, SHOW_TEXT "Łódź"', () => {
    const [heard, ...rest] = decodeBoardFrames(hex(DOC_EXAMPLE));
    expect(rest).toEqual([]);
    expect(heard).toEqual({
      type: 'frame',
      frame: {
        address: 12,
        seq: 3,
        command: 'SHOW_TEXT',
        payload: hex('00 A3 F3 64 9F'),
      },
    });
    if (heard?.type !== 'frame') throw new Error('no frame');
    expect(readShowText(heard.frame.payload)).toEqual({ lines: ['Łódź'], blink: false });
  });

  it('decodes two lines with blink, an escaped seq and a broadcast', () => {
    const frames = decodeBoardFrames(hex(`${HALL} ${PING} ${BROADCAST}`)).map((h) =>
      h.type === 'frame' ? h.frame : h,
    );
    expect(frames).toMatchObject([
      { address: 200, seq: 7, command: 'SHOW_TEXT' },
      { address: 4, seq: 0x10, command: 'PING', payload: new Uint8Array(0) },
      { address: 0, seq: 2, command: 'SHOW_TEXT' },
    ]);
    const [hall, , broadcast] = frames as { payload: Uint8Array }[];
    expect(readShowText(hall!.payload)).toEqual({ lines: ['Żółć 7', 'A12 ? 3'], blink: true });
    expect(readShowText(broadcast!.payload)).toEqual({ lines: ['Przerwa'], blink: false });
  });

  it('skips line noise and joins a frame cut across chunks', () => {
    const bytes = hex(`FF 00 55 ${DOC_EXAMPLE}`);
    const decoder = new BoardFrameDecoder();
    expect(decoder.push(bytes.subarray(0, 7))).toEqual([]);
    expect(decoder.push(bytes.subarray(7))).toMatchObject([
      { type: 'frame', frame: { address: 12, seq: 3 } },
    ]);
  });

  it('rejects a corrupted frame with a CRC error that still names board and seq', () => {
    // "Łódź" with ó (F3) hit by noise: F4.
    const corrupted = '02 0C 10 23 01 05 00 A3 F4 64 9F E0 67 03';
    expect(decodeBoardFrames(hex(corrupted))).toEqual([
      { type: 'error', reason: 'crc', address: 12, seq: 3 },
    ]);
    // The CRC itself hit: low byte 67 -> 66.
    expect(decodeBoardFrames(hex('02 04 10 30 05 00 F2 A6 03'))).toEqual([
      { type: 'error', reason: 'crc', address: 4, seq: 0x10 },
    ]);
  });

  it('tells apart a bad escape, a wrong length, an unknown command and a cut frame', () => {
    // DLE followed by a byte that is no escaped framing byte.
    expect(decodeBoardFrames(hex('02 04 10 41 05 00 F2 A7 03'))).toMatchObject([
      { type: 'error', reason: 'escape', address: 4 },
    ]);
    // len says 5 but one payload byte is missing.
    expect(decodeBoardFrames(hex('02 0C 10 23 01 05 00 A3 F3 64 E0 67 03'))).toEqual([
      { type: 'error', reason: 'length', address: 12, seq: 3 },
    ]);
    // Command 0x7E, good CRC (computed outside): the board must answer NAK 0x02, not 0x01.
    expect(decodeBoardFrames(hex('02 04 09 7E 00 FB F6 03'))).toEqual([
      { type: 'error', reason: 'unknown-command', address: 4, seq: 9 },
    ]);
    // A frame cut by a new STX: the first is truncated, the second still decodes.
    expect(decodeBoardFrames(hex(`02 0C 10 23 01 ${PING}`))).toMatchObject([
      { type: 'error', reason: 'truncated', address: 12, seq: 3 },
      { type: 'frame', frame: { address: 4, command: 'PING' } },
    ]);
  });

  it('drops a frame longer than any legal one', () => {
    const long = new Uint8Array(600).fill(0x41);
    long[0] = 0x02;
    expect(decodeBoardFrames(long)).toMatchObject([{ type: 'error', reason: 'overrun' }]);
  });
});

describe("the emulator's replies", () => {
  it('are framed as the document says (ACK and NAK CRC for board 12, seq 3)', () => {
    const empty = new Uint8Array(0);
    expect(encodeBoardFrame({ address: 12, seq: 3, command: 'ACK', payload: empty })).toEqual(
      hex('02 0C 10 23 06 00 38 04 03'),
    );
    expect(
      encodeBoardFrame({ address: 12, seq: 3, command: 'NAK', payload: Uint8Array.of(1) }),
    ).toEqual(hex('02 0C 10 23 15 01 01 8A 78 03'));
  });
});

describe('independence from the driver', () => {
  it("no emulator source file imports the driver's package", () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(4);
    for (const file of sources)
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/led-board-driver/);
  });
});
