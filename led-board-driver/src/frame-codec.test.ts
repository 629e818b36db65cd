import { describe, expect, it } from 'vitest';
import { crc16 } from './crc16';
import { decodeFrames } from './frame-decode';
import type { DecodeEvent } from './frame-decode';
import { encodeFrame } from './frame-encode';
import { decodeShowText, encodeShowText } from './text-codec';

// Expected bytes were computed outside this code base (Python binascii.crc_hqx, init 0xFFFF,
// and Python's cp1250 codec), so encoder and decoder are not merely checked against each other.
const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
const ascii = (s: string) => new TextEncoder().encode(s);

describe('crc16', () => {
  it('is CRC-16/CCITT-FALSE', () => {
    expect(crc16(ascii('123456789'))).toBe(0x29b1);
    expect(crc16(hex('07010500'))).toBe(0x1d28);
  });
});

describe('encodeFrame', () => {
  it('frames a PING byte for byte', () => {
    expect(
      encodeFrame({ address: 7, seq: 1, command: 'PING', payload: new Uint8Array(0) }),
    ).toEqual(hex('02070105001d2803'));
  });

  it('stuffs STX/ETX/DLE inside the body', () => {
    const payload = encodeShowText('A123', true);
    expect(payload).toEqual(hex('0141313233'));
    // address 2 = STX and seq 0x10 = DLE are both escaped as DLE, byte ^ 0x20
    expect(encodeFrame({ address: 2, seq: 0x10, command: 'SHOW_TEXT', payload })).toEqual(
      hex('021022103001050141313233' + '3dea03'),
    );
  });

  it('sends Polish letters in CP1250 (one byte each)', () => {
    const payload = encodeShowText('Łódź', false);
    expect(payload).toEqual(hex('00a3f3649f'));
    expect(encodeFrame({ address: 12, seq: 3, command: 'SHOW_TEXT', payload })).toEqual(
      hex('020c1023010500a3f3649fe06703') /* seq 3 = ETX, escaped */,
    );
    expect(decodeShowText(payload)).toEqual({ lines: ['Łódź'], blink: false });
  });

  it('rejects a payload that does not fit the length byte', () => {
    expect(() => encodeShowText('x'.repeat(255), false)).toThrow(RangeError);
  });
});

describe('decodeFrames', () => {
  const frame = encodeFrame({
    address: 2,
    seq: 0x10,
    command: 'SHOW_TEXT',
    payload: encodeShowText(['A123', 'ąę'], true),
  });

  it('decodes a frame split over many chunks, byte by byte', () => {
    let carry: Uint8Array = new Uint8Array(0);
    const events: DecodeEvent[] = [];
    for (const byte of frame) {
      const r = decodeFrames(Uint8Array.of(byte), carry);
      carry = r.carry;
      events.push(...r.events);
    }
    expect(events).toHaveLength(1);
    const [event] = events;
    if (event?.type !== 'frame') throw new Error('expected a frame');
    expect(event.frame).toMatchObject({ address: 2, seq: 0x10, command: 'SHOW_TEXT' });
    expect(decodeShowText(event.frame.payload)).toEqual({ lines: ['A123', 'ąę'], blink: true });
    expect(carry).toHaveLength(0);
  });

  it('reports a flipped bit as a CRC error with the header it could read', () => {
    const bad = frame.slice();
    bad[bad.length - 3] = (bad[bad.length - 3] ?? 0) ^ 0x01; // the CRC, not a framing byte
    expect(decodeFrames(bad).events).toEqual([
      { type: 'error', reason: 'crc', address: 2, seq: 0x10 },
    ]);
  });

  it('skips noise and resynchronises on the next STX after a cut-off frame', () => {
    const ping = encodeFrame({ address: 5, seq: 9, command: 'PING', payload: new Uint8Array(0) });
    const wire = Uint8Array.from([0xff, 0x00, ...frame.slice(0, 6), ...ping]);
    const events = decodeFrames(wire).events;
    expect(events.map((e) => (e.type === 'error' ? e.reason : e.frame.command))).toEqual([
      'truncated',
      'PING',
    ]);
  });

  it('reports an unknown command and a wrong length field', () => {
    // a well-formed frame whose command byte no board knows
    const unknown = Uint8Array.from([0x02, 7, 1, 0x7f, 0, ...crcBytes([7, 1, 0x7f, 0]), 0x03]);
    expect(decodeFrames(unknown).events).toEqual([
      { type: 'error', reason: 'unknown-command', address: 7, seq: 1 },
    ]);
    const short = Uint8Array.from([0x02, 7, 1, 5, 4, ...crcBytes([7, 1, 5, 4]), 0x03]);
    expect(decodeFrames(short).events).toEqual([
      { type: 'error', reason: 'length', address: 7, seq: 1 },
    ]);
  });

  it('drops an endless frame instead of buffering forever', () => {
    const flood = new Uint8Array(600).fill(0x41);
    flood[0] = 0x02;
    const r = decodeFrames(flood);
    expect(r.events).toEqual([{ type: 'error', reason: 'overrun', address: 0x41, seq: 0x41 }]);
    expect(r.carry).toHaveLength(0);
  });
});

function crcBytes(body: number[]): number[] {
  const crc = crc16(Uint8Array.from(body));
  return [crc >> 8, crc & 0xff];
}
