import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real full disk for storage-fault tests: an 8 MiB tmpfs mounted on `dir` (root only) and a
 * filler file that takes every last byte. `mounted` is false where mounting is not allowed.
 */
export function smallDisk(dir: string) {
  const filler = join(dir, 'filler.bin');
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
  return {
    mounted,
    /** Writes the filler until ENOSPC, then in 512-byte steps, so not a block is left. */
    fill(): void {
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        for (;;) {
          try {
            writeSync(fd, chunk, 0, 512);
          } catch {
            break;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    /** Removes the filler: the space is back. */
    free(): void {
      rmSync(filler, { force: true });
    },
    /** Unmounts the tmpfs (when it was mounted). */
    unmount(): void {
      if (mounted) execFileSync('umount', [dir]);
    },
  };
}
