import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { crc16, decodeFrames, encodeFrame, encodeShowText } from '@skr/led-board-driver';
import type { LedFrame } from '@skr/protocol/led-board';
import { startLedBoardEmulator } from './index';
import type { LedBoardEmulator } from './index';

// The emulator seen from the wire, with raw bytes a driver never sends: it must fail like a
// board (NAK with a reason, silence on a frame for nobody) and not only like our driver expects.
describe('LED board emulator over a pty', () => {
  let emulator: LedBoardEmulator;
  let port: SerialPort;
  let carry: Uint8Array = new Uint8Array(0);
  const replies: LedFrame[] = [];
  const raw: number[] = [];

  beforeAll(async () => {
    emulator = await startLedBoardEmulator({ addresses: [4, 200] });
    port = new SerialPort({ path: emulator.devicePath, baudRate: 9600 });
    await new Promise<void>((resolve, reject) => port.once('open', resolve).once('error', reject));
    port.on('data', (chunk: Buffer) => {
      raw.push(...chunk);
      const r = decodeFrames(new Uint8Array(chunk), carry);
      carry = r.carry;
      for (const e of r.events) if (e.type === 'frame') replies.push(e.frame);
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => port.close(() => resolve()));
    await emulator.close();
  });

  /** Writes raw bytes and collects the answers: `expected` of them, or none within 200 ms. */
  async function exchange(bytes: Uint8Array, expected = 1): Promise<LedFrame[]> {
    replies.length = 0;
    raw.length = 0;
    port.write(Buffer.from(bytes));
    const deadline = Date.now() + (expected === 0 ? 200 : 2000);
    while (replies.length < expected && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    if (expected === 0) await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())));
    return [...replies];
  }

  it('ACKs a SHOW_TEXT, keeps the text and records the frame', async () => {
    const frame = {
      address: 200,
      seq: 7,
      command: 'SHOW_TEXT' as const,
      payload: encodeShowText(['A1 → 4', 'B2 → 5'], true),
    };
    expect(await exchange(encodeFrame(frame))).toMatchObject([
      { address: 200, seq: 7, command: 'ACK' },
    ]);
    expect(emulator.boards.get(200)).toMatchObject({ lines: ['A1 ? 4', 'B2 ? 5'], blinking: true });
    expect(emulator.boards.get(200)?.frames).toHaveLength(1);
  });

  it('answers hand-written frames with the exact bytes of an ACK and a CRC NAK', async () => {
    // Wire bytes computed outside this code (see frame-decoder.test.ts), not by the driver.
    const hex = (t: string) => Uint8Array.from(t.split(' ').map((b) => parseInt(b, 16)));
    const text = '01 0F 01 AF F3 B3 E6 20 37 0A 41 31 32 20 3F 20 33 18 7B 03';
    await exchange(hex(`02 C8 08 ${text}`));
    expect(Uint8Array.from(raw)).toEqual(hex('02 C8 08 06 00 B1 A0 03'));
    expect(emulator.boards.get(200)).toMatchObject({
      lines: ['Żółć 7', 'A12 ? 3'],
      blinking: true,
    });
    // The same bytes with seq 9: the CRC no longer matches, the text stays.
    await exchange(hex(`02 C8 09 ${text}`));
    expect(Uint8Array.from(raw)).toEqual(hex('02 C8 09 15 01 01 58 6D 03'));
    expect(emulator.boards.get(200)?.text).toBe('Żółć 7\nA12 ? 3');
  });

  it('NAKs an unknown command and an empty SHOW_TEXT with their reasons', async () => {
    const body = [4, 9, 0x7e, 0];
    const crc = crc16(Uint8Array.from(body));
    const unknown = Uint8Array.from([0x02, ...body, crc >> 8, crc & 0xff, 0x03]);
    expect(await exchange(unknown)).toMatchObject([
      { address: 4, seq: 9, command: 'NAK', payload: Uint8Array.of(2) },
    ]);
    const empty = encodeFrame({
      address: 4,
      seq: 10,
      command: 'SHOW_TEXT',
      payload: new Uint8Array(0),
    });
    expect(await exchange(empty)).toMatchObject([
      { address: 4, seq: 10, command: 'NAK', payload: Uint8Array.of(3) },
    ]);
  });

  it('NAKs a corrupted frame for one of its boards and ignores frames for nobody', async () => {
    const bytes = encodeFrame({ address: 4, seq: 11, command: 'PING', payload: new Uint8Array(0) });
    bytes[5] = (bytes[5] ?? 0) ^ 0x01; // CRC high byte
    expect(await exchange(bytes)).toMatchObject([
      { address: 4, seq: 11, command: 'NAK', payload: Uint8Array.of(1) },
    ]);
    const other = encodeFrame({ address: 9, seq: 1, command: 'PING', payload: new Uint8Array(0) });
    expect(await exchange(other, 0)).toEqual([]);
  });

  it('stays silent for a dead board and answers again once it is back', async () => {
    const ping = encodeFrame({ address: 4, seq: 12, command: 'PING', payload: new Uint8Array(0) });
    emulator.setFault({ deadAddresses: [4] });
    expect(await exchange(ping, 0)).toEqual([]);
    emulator.setFault({ deadAddresses: [] });
    expect(await exchange(ping)).toMatchObject([{ command: 'ACK', seq: 12 }]);
  });
});
