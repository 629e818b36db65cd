import { SkrError } from '@skr/protocol';

// SQLite's answers when the disk, not the request, is at fault (full, I/O error, read-only
// medium, corrupt page): the change can succeed later, so they are UNAVAILABLE, not INTERNAL.
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/;

/** Whether `e` is a storage fault (SQLITE_FULL, SQLITE_IOERR_*, …) rather than a bug. */
export function isStorageFault(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_CODES.test(code);
}

/** The refusal a storage fault is answered with: 503 UNAVAILABLE, nothing written. */
export function storageUnavailable(e: unknown): SkrError {
  const code = String((e as { code?: unknown }).code);
  const full = code === 'SQLITE_FULL';
  return new SkrError(
    'UNAVAILABLE',
    full
      ? 'the branch disk is full; nothing was saved — free space and try again'
      : `the branch database cannot write (${code}); nothing was saved — try again`,
    { cause: e, details: { reason: full ? 'disk-full' : 'storage', sqlite: code } },
  );
}

/**
 * What the branch knows of its storage: degraded from a failed write until a write succeeds
 * (read by `/api/v1/health`).
 */
export class StorageHealth {
  private fault: { at: string; code: string } | null = null;

  /** Records a failed write. */
  failed(e: unknown, at: Date): void {
    this.fault = { at: at.toISOString(), code: String((e as { code?: unknown }).code) };
  }

  /** Records a write that reached the disk. */
  ok(): void {
    this.fault = null;
  }

  /** The last fault since the last good write, or null when storage is healthy. */
  current(): { at: string; code: string } | null {
    return this.fault;
  }
}
