/** One valid frame of a SQLite WAL file. */
export interface WalFrame {
  /** Byte offset of the frame header in the file. */
  offset: number;
  /** The database size in pages after this commit; 0 for a frame that is not a commit. */
  commitSize: number;
}

/** The WAL's page size and its valid frames, in order (what SQLite's recovery would accept). */
export interface WalLayout {
  pageSize: number;
  frameSize: number;
  frames: WalFrame[];
}

/**
 * Parses a WAL the way SQLite recovers it: the header's magic and checksum, then frames from
 * the start while their salts match the header's and the running checksum holds. Frames past
 * the first bad one (stale frames of an earlier WAL generation, a torn write) are not valid.
 */
export function parseWal(wal: Uint8Array): WalLayout {
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  if (wal.length < 32) return { pageSize: 0, frameSize: 0, frames: [] };
  const magic = view.getUint32(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683)
    return { pageSize: 0, frameSize: 0, frames: [] };
  const bigEndian = magic === 0x377f0683;
  const pageSize = view.getUint32(8) === 1 ? 65536 : view.getUint32(8);
  const frameSize = 24 + pageSize;
  const salt1 = view.getUint32(16);
  const salt2 = view.getUint32(20);
  let [s0, s1] = checksum(view, 0, 24, 0, 0, bigEndian);
  if (s0 !== view.getUint32(24) || s1 !== view.getUint32(28))
    return { pageSize, frameSize, frames: [] };
  const frames: WalFrame[] = [];
  for (let off = 32; off + frameSize <= wal.length; off += frameSize) {
    if (view.getUint32(off + 8) !== salt1 || view.getUint32(off + 12) !== salt2) break;
    [s0, s1] = checksum(view, off, 8, s0, s1, bigEndian);
    [s0, s1] = checksum(view, off + 24, pageSize, s0, s1, bigEndian);
    if (s0 !== view.getUint32(off + 16) || s1 !== view.getUint32(off + 20)) break;
    frames.push({ offset: off, commitSize: view.getUint32(off + 4) });
  }
  return { pageSize, frameSize, frames };
}

/** SQLite's WAL checksum over `len` bytes (a multiple of 8) from `off`, continuing (s0, s1). */
function checksum(
  view: DataView,
  off: number,
  len: number,
  s0: number,
  s1: number,
  bigEndian: boolean,
): [number, number] {
  for (let i = off; i < off + len; i += 8) {
    s0 = (s0 + view.getUint32(i, !bigEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(i + 4, !bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}

/** Byte lengths at which the WAL ends right after a commit frame, in order. */
export function commitBoundaries(layout: WalLayout): number[] {
  return layout.frames.filter((f) => f.commitSize > 0).map((f) => f.offset + layout.frameSize);
}

/**
 * Frames already copied into the database file by a checkpoint (`nBackfill` of the WAL index,
 * after its two 48-byte headers; native byte order). Those were fsynced before they were copied.
 */
export function backfilledFrames(shm: Uint8Array): number {
  if (shm.length < 100) return 0;
  return new DataView(shm.buffer, shm.byteOffset, shm.byteLength).getUint32(96, true);
}
