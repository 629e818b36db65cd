// Splits an ESC/POS byte stream into commands. Knows the length of every command our
// layouts and common drivers send; an unknown ESC/GS command is taken as two bytes plus
// one parameter, which is how most of them are shaped. Returns null when the buffer ends
// inside a command, so a streaming caller can wait for more bytes.

/** One ESC/POS command or a run of printable bytes. */
export type EscPosCommand =
  | { kind: 'text'; bytes: Uint8Array }
  | { kind: 'lf' }
  | { kind: 'init' }
  | { kind: 'codepage'; n: number }
  | { kind: 'bold'; on: boolean }
  | { kind: 'underline'; on: boolean }
  | { kind: 'printMode'; n: number }
  | { kind: 'size'; width: number; height: number }
  | { kind: 'align'; n: number }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'qr'; fn: number; params: Uint8Array }
  | { kind: 'logo'; id: string }
  | { kind: 'statusRequest'; n: number }
  | { kind: 'realtimeStatus'; n: number }
  | { kind: 'raster'; bytes: number }
  | { kind: 'other'; bytes: Uint8Array };

/** A command and the offset just past it. */
export interface Token {
  cmd: EscPosCommand;
  end: number;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/** Reads the command starting at `pos`; null if `buf` ends before it does. */
export function nextCommand(buf: Uint8Array, pos: number): Token | null {
  const at = (i: number): number | undefined => buf[pos + i];
  const b0 = at(0);
  if (b0 === undefined) return null;
  const fixed = (len: number, cmd: (p: number) => EscPosCommand): Token | null =>
    pos + len <= buf.length ? { cmd: cmd(at(len - 1) ?? 0), end: pos + len } : null;
  const other = (len: number): Token | null =>
    pos + len <= buf.length
      ? { cmd: { kind: 'other', bytes: buf.slice(pos, pos + len) }, end: pos + len }
      : null;

  if (b0 >= 0x20) {
    let end = pos;
    while (end < buf.length && (buf[end] ?? 0) >= 0x20) end++;
    return { cmd: { kind: 'text', bytes: buf.slice(pos, end) }, end };
  }
  if (b0 === 0x0a) return { cmd: { kind: 'lf' }, end: pos + 1 };
  if (b0 === DLE) {
    const b1 = at(1);
    if (b1 === undefined) return null;
    if (b1 === 0x04) return fixed(3, (n) => ({ kind: 'realtimeStatus', n }));
    if (b1 === 0x14) return other(5); // DLE DC4 fn m t: real-time pulse/clear
    return other(3);
  }
  if (b0 === ESC) return escCommand(buf, pos, fixed, other);
  if (b0 === GS) return gsCommand(buf, pos, fixed, other);
  if (b0 === FS) {
    const b1 = at(1);
    if (b1 === undefined) return null;
    if (b1 === 0x70) return fixed(4, () => ({ kind: 'logo', id: `fs-p:${at(2) ?? 0}` }));
    if (b1 === 0x2e || b1 === 0x26) return other(2); // Kanji mode off/on
    return other(3);
  }
  return other(1); // CR, HT and other lone controls
}

type Fixed = (len: number, cmd: (p: number) => EscPosCommand) => Token | null;
type Other = (len: number) => Token | null;

function escCommand(buf: Uint8Array, pos: number, fixed: Fixed, other: Other): Token | null {
  const b1 = buf[pos + 1];
  if (b1 === undefined) return null;
  switch (String.fromCharCode(b1)) {
    case '@':
      return fixed(2, () => ({ kind: 'init' }));
    case 't':
      return fixed(3, (n) => ({ kind: 'codepage', n }));
    case 'E':
    case 'G':
      return fixed(3, (n) => ({ kind: 'bold', on: (n & 1) === 1 }));
    case '-':
      return fixed(3, (n) => ({ kind: 'underline', on: (n & 3) !== 0 && n !== 48 }));
    case '!':
      return fixed(3, (n) => ({ kind: 'printMode', n }));
    case 'a':
      return fixed(3, (n) => ({ kind: 'align', n: n % 48 }));
    case 'd':
      return fixed(3, (n) => ({ kind: 'feed', lines: n }));
    case 'i':
      return fixed(2, () => ({ kind: 'cut', partial: false }));
    case 'm':
      return fixed(2, () => ({ kind: 'cut', partial: true }));
    case '2':
    case '<':
      return other(2);
    case 'p':
      return other(5);
    case 'c':
      return other(4);
    default:
      return other(3);
  }
}

function gsCommand(buf: Uint8Array, pos: number, fixed: Fixed, other: Other): Token | null {
  const at = (i: number): number | undefined => buf[pos + i];
  const b1 = at(1);
  if (b1 === undefined) return null;
  if (b1 === 0x21)
    return fixed(3, (n) => ({ kind: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 }));
  if (b1 === 0x72) return fixed(3, (n) => ({ kind: 'statusRequest', n }));
  if (b1 === 0x56) {
    const m = at(2);
    if (m === undefined) return null;
    const partial = [1, 49, 66, 98, 104].includes(m);
    return fixed(m >= 65 ? 4 : 3, () => ({ kind: 'cut', partial }));
  }
  if (b1 === 0x28) {
    // GS ( X pL pH ...: a length-prefixed function
    const pL = at(3);
    const pH = at(4);
    if (pL === undefined || pH === undefined) return null;
    const end = pos + 5 + pL + pH * 256;
    if (end > buf.length) return null;
    const body = buf.slice(pos + 5, end);
    if (at(2) === 0x6b)
      return { cmd: { kind: 'qr', fn: body[1] ?? 0, params: body.slice(2) }, end };
    if (at(2) === 0x4c && body[1] === 0x45) {
      return {
        cmd: { kind: 'logo', id: `gs-l:${String.fromCharCode(body[2] ?? 0, body[3] ?? 0)}` },
        end,
      };
    }
    return { cmd: { kind: 'other', bytes: buf.slice(pos, end) }, end };
  }
  if (b1 === 0x76 && at(2) === 0x30) {
    // GS v 0 m xL xH yL yH d...: raster image (never sent by our layouts; counted)
    if (pos + 8 > buf.length) return null;
    const size = ((at(4) ?? 0) + (at(5) ?? 0) * 256) * ((at(6) ?? 0) + (at(7) ?? 0) * 256);
    return pos + 8 + size <= buf.length
      ? { cmd: { kind: 'raster', bytes: size }, end: pos + 8 + size }
      : null;
  }
  if (b1 === 0x6b) {
    // GS k m ...: barcode; m <= 6 is NUL-terminated, m >= 65 carries a length byte
    const m = at(2);
    const n = at(3);
    if (m === undefined || n === undefined) return null;
    if (m >= 65) return other(4 + n);
    const nul = buf.indexOf(0, pos + 3);
    return nul < 0 ? null : other(nul + 1 - pos);
  }
  if (b1 === 0x4c || b1 === 0x57 || b1 === 0x24 || b1 === 0x50) return other(4);
  return other(3);
}
