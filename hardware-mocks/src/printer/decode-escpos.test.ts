import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { glyphCell } from './bitmap-font';
import { decodeEscPos } from './decode-escpos';
import { startPrinterEmulator } from './emulator';
import { NO_FAULTS, paperSensorByte, realtimeStatusByte } from './printer-state';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)),
  );

describe('decodeEscPos', () => {
  it('decodes text through the selected code page (PC852 and WPC1250)', () => {
    // "zażółć" in PC852, then in WPC1250
    const b = bytes(
      [0x1b, 0x40, 0x1b, 0x74, 18],
      [0x7a, 0x61, 0xbe, 0xa2, 0x88, 0x86, 0x0a],
      [0x1b, 0x74, 45],
      [0x7a, 0x61, 0xbf, 0xf3, 0xb3, 0xe6, 0x0a],
    );
    const [t] = decodeEscPos(b);
    expect(t?.lines).toEqual(['zażółć', 'zażółć']);
    expect(t?.codepages).toEqual([18, 45]);
    expect(t?.cut).toBeNull();
  });

  it('tracks bold, size and alignment, reads QR data and splits tickets at cuts', () => {
    const url = 'https://x.pl/q/1';
    const b = bytes(
      [0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1d, 0x21, 0x11],
      'A1',
      [0x0a, 0x1b, 0x45, 0, 0x1d, 0x21, 0],
      [0x1d, 0x28, 0x6b, url.length + 3, 0, 0x31, 0x50, 0x30],
      url,
      [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
      [0x1b, 0x64, 3, 0x1d, 0x56, 0x01],
      [0x1c, 0x70, 1, 0],
      'second',
      [0x0a, 0x1d, 0x56, 0x41, 0x03],
    );
    const [first, second, ...rest] = decodeEscPos(b);
    expect(rest).toEqual([]);
    expect(first?.items[0]).toEqual({
      kind: 'text',
      align: 'center',
      segments: [{ text: 'A1', bold: true, underline: false, width: 2, height: 2 }],
    });
    expect(first?.qr).toEqual([url]);
    expect(first?.cut).toBe('partial');
    expect(first?.lines).toEqual(['A1']); // the feed before the cut is dropped
    expect(second?.logos).toEqual(['fs-p:1']);
    expect(second?.lines).toEqual(['second']);
    expect(second?.cut).toBe('full');
  });

  it('stops at a truncated command instead of misreading it', () => {
    const [t] = decodeEscPos(bytes('ok', [0x0a, 0x1d, 0x28, 0x6b, 0x20, 0x00, 0x31]));
    expect(t?.lines).toEqual(['ok']);
  });
});

describe('status bytes', () => {
  it('answer DLE EOT in the 0xx1xx10 shape with the fault bits', () => {
    for (const n of [1, 2, 3, 4]) expect(realtimeStatusByte(NO_FAULTS, n)).toBe(0x12);
    expect(realtimeStatusByte({ ...NO_FAULTS, paperOut: true }, 4)).toBe(0x72);
    expect(realtimeStatusByte({ ...NO_FAULTS, coverOpen: true }, 2) & 0x04).toBe(0x04);
    expect(realtimeStatusByte({ ...NO_FAULTS, coverOpen: true }, 1) & 0x08).toBe(0x08);
    expect(paperSensorByte({ ...NO_FAULTS, paperNearEnd: true })).toBe(0x03);
  });
});

describe('emulator stream handling', () => {
  it('answers DLE EOT and GS r and decodes a ticket split across many TCP writes', async () => {
    const emu = await startPrinterEmulator({ tcpPort: 0 });
    const socket = net.connect({ host: '127.0.0.1', port: emu.tcpPort ?? 0 });
    try {
      await new Promise((r) => socket.once('connect', r));
      const answers: number[] = [];
      socket.on('data', (d: Buffer) => answers.push(...d));
      const job = bytes(
        [0x1b, 0x40, 0x1b, 0x74, 18],
        [0x88, 0xa2, 0x64, 0xab],
        [0x0a, 0x10, 0x04, 0x04, 0x1d, 0x56, 0x01, 0x1d, 0x72, 0x01],
      );
      const printed = emu.nextTicket(3000);
      for (const b of job) {
        socket.write(Uint8Array.of(b)); // one byte at a time: commands arrive split
        await new Promise((r) => setTimeout(r, 2));
      }
      expect((await printed).lines).toEqual(['łódź']);
      await expect.poll(() => answers, { timeout: 2000 }).toEqual([0x12, 0x00]);
    } finally {
      socket.destroy();
      await emu.close();
    }
  });
});

describe('bitmap font', () => {
  const ink = (rows: boolean[][]): number => rows.flat().filter(Boolean).length;
  it('builds Polish letters from a base and a mark', () => {
    expect(ink(glyphCell('ż'))).toBe(ink(glyphCell('z')) + 1);
    expect(ink(glyphCell('Ś'))).toBe(ink(glyphCell('S')) + 2);
    expect(ink(glyphCell('ą'))).toBe(ink(glyphCell('a')) + 2);
    expect(glyphCell('ł')).not.toEqual(glyphCell('l'));
    expect(glyphCell('Ж')).toEqual(glyphCell('\u25a1')); // no Cyrillic: a box
  });
});
