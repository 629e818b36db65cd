// vpcd (vsmartcard) speaks to its card over TCP: 2-byte big-endian length, then the body.
// A 1-byte body is a control code; anything longer is a command APDU.

/** Control codes vpcd sends as 1-byte bodies. */
export const VpcdControl = { POWER_OFF: 0, POWER_ON: 1, RESET: 2, GET_ATR: 4 } as const;

/** Wraps one body in the vpcd length prefix. */
export function encodeVpcdFrame(body: Uint8Array): Buffer {
  if (body.length > 0xffff) throw new RangeError(`vpcd body too long: ${body.length}`);
  const out = Buffer.alloc(2 + body.length);
  out.writeUInt16BE(body.length, 0);
  out.set(body, 2);
  return out;
}

/** Splits a TCP byte stream into vpcd bodies; keeps a partial frame until the rest arrives. */
export class VpcdFrameDecoder {
  private pending = Buffer.alloc(0);

  /** Feeds received bytes, returns every body completed by them (in order). */
  push(chunk: Uint8Array): Buffer[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    const bodies: Buffer[] = [];
    while (this.pending.length >= 2) {
      const len = this.pending.readUInt16BE(0);
      if (this.pending.length < 2 + len) break;
      bodies.push(this.pending.subarray(2, 2 + len));
      this.pending = this.pending.subarray(2 + len);
    }
    return bodies;
  }
}
