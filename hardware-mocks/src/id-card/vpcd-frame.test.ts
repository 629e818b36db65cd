import { describe, expect, it } from 'vitest';
import { encodeVpcdFrame, VpcdFrameDecoder } from './vpcd-frame';

describe('vpcd framing', () => {
  it('prefixes a 2-byte big-endian length', () => {
    expect([...encodeVpcdFrame(Uint8Array.of(4))]).toEqual([0x00, 0x01, 0x04]);
    const big = encodeVpcdFrame(new Uint8Array(0x0123));
    expect([...big.subarray(0, 2)]).toEqual([0x01, 0x23]);
    expect(big).toHaveLength(0x0125);
  });

  it('rejects a body longer than 65535 bytes', () => {
    expect(() => encodeVpcdFrame(new Uint8Array(0x10000))).toThrow(RangeError);
  });

  it('reassembles frames split and merged arbitrarily by TCP', () => {
    const stream = Buffer.concat([
      encodeVpcdFrame(Uint8Array.of(1)),
      encodeVpcdFrame(Buffer.from('00a4040c07d6160000300101', 'hex')),
      encodeVpcdFrame(Uint8Array.of(0)),
    ]);
    const d = new VpcdFrameDecoder();
    const out: string[] = [];
    for (const b of stream) out.push(...d.push(Uint8Array.of(b)).map((x) => x.toString('hex')));
    expect(out).toEqual(['01', '00a4040c07d6160000300101', '00']);
    expect(d.push(stream).map((x) => x.toString('hex'))).toEqual(out);
  });
});
