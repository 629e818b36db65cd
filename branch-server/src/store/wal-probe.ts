import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';

// The wal-index header at the start of the `-shm` file (sqlite.org/walformat.html, §2.5):
// iVersion at 0, mxFrame (frames in the WAL) at 16, nBackfill (frames already copied into the
// database) at 96, all in the machine's byte order. It is read without SQLite's locks, so a
// value may be a moment old: the probe only decides when to checkpoint, never what is safe.
const HEADER_BYTES = 100;
const WAL_INDEX_VERSION = 3007000;

/** Reads how many WAL frames wait for a checkpoint, from the database's `-shm` file. */
interface WalProbe {
  /** Frames in the WAL not yet copied into the database, or undefined if unreadable. */
  unchecked(): number | undefined;
  /** Frames in the WAL (its size in pages since the last restart), or undefined. */
  frames(): number | undefined;
  close(): void;
}

/** Opens the probe on `dbPath`'s wal-index; a probe that cannot read answers undefined. */
export function walProbe(dbPath: string): WalProbe {
  let fd: number | undefined;
  try {
    fd = openSync(`${dbPath}-shm`, 'r');
  } catch {
    fd = undefined;
  }
  const buf = Buffer.alloc(HEADER_BYTES);
  const le = endianness() === 'LE';
  const u32 = (at: number) => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const read = (): boolean => {
    if (fd === undefined) return false;
    try {
      return readSync(fd, buf, 0, HEADER_BYTES, 0) === HEADER_BYTES && u32(0) === WAL_INDEX_VERSION;
    } catch {
      return false;
    }
  };
  return {
    unchecked() {
      if (!read()) return undefined;
      const n = u32(16) - u32(96);
      // A torn read (the header changing under us) can give nonsense: treat it as unknown.
      return n >= 0 ? n : undefined;
    },
    frames() {
      return read() ? u32(16) : undefined;
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
