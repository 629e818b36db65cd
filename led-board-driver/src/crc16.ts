// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection). Written here rather than
// pulled from npm: it is a dozen lines, no CRC package is installed, and board firmware
// authors find this variant in every MCU library, so they can check frames byte for byte.

const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    table[i] = crc;
  }
  return table;
}

/** CRC-16/CCITT-FALSE of `bytes`; check value of ASCII "123456789" is 0x29B1. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0);
  }
  return crc;
}
