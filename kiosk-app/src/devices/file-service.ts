import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, rm } from 'node:fs/promises';
import { basename, extname, join, sep } from 'node:path';
import { SkrError, type KioskFile, type KioskFileSource } from '@skr/protocol';

/** Largest file the branch takes (10 MB decoded). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const TYPES: Record<string, KioskFile['contentType']> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

/** The folders a client may attach from: the USB stick's mount and the scanner's output. */
export interface FileService {
  list(): Promise<KioskFile[]>;
  /** Reads one listed file by source and bare name (no path ever comes from the renderer). */
  read(
    source: KioskFileSource,
    name: string,
  ): Promise<{ bytes: Buffer; pages: number; file: KioskFile }>;
  /**
   * Ends a client's session: empties the scanner folder so the next client cannot submit the
   * previous one's scan (not when it is, holds or lies in the USB folder). Resolves with how
   * many entries were removed; never throws.
   */
  endSession(): Promise<number>;
}

/** Pages of a PDF (its /Type /Page objects); an image is one page. */
export function countPages(bytes: Buffer, contentType: KioskFile['contentType']): number {
  if (contentType !== 'application/pdf') return 1;
  const n = bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  return Math.max(1, n);
}

/** True when `name` is one plain entry name: no separator, no `..`, no NUL, not hidden. */
export function isBareName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    basename(name) === name &&
    !name.includes('/') &&
    !name.includes('\\') &&
    !name.includes('\0') &&
    !name.startsWith('.')
  );
}

/** The file behind an entry, or null unless it is a regular file with one link and fits. */
async function regularFile(dir: string, name: string) {
  // lstat, not stat: a symbolic link is refused, whatever it points at.
  const s = await lstat(join(dir, name)).catch(() => null);
  if (!s?.isFile() || s.nlink > 1 || s.size > MAX_FILE_BYTES) return null;
  return s;
}

/**
 * Empties `dir` without following links: files, links (the link itself, never its target) and
 * sub-folders go. A missing folder counts as empty. Resolves with the number of entries removed.
 */
export async function emptyFolder(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    // rm() lstat()s its target, so a link to a folder elsewhere removes only the link.
    await rm(join(dir, name), { recursive: true, force: true })
      .then(() => (removed += 1))
      .catch(() => undefined);
  }
  return removed;
}

/**
 * Creates the file service over the two folders (a missing folder lists as empty). Only regular
 * files directly inside a configured folder are listed or read: no symbolic or hard links, no
 * sub-folders, no `..`; a file swapped for a link between listing and reading is refused.
 */
export function createFileService(dirs: Partial<Record<KioskFileSource, string>>): FileService {
  /** The configured folder as a real path (an operator may point it through a link). */
  async function folder(source: KioskFileSource): Promise<string | null> {
    const dir = dirs[source];
    if (!dir) return null;
    return realpath(dir).catch(() => null);
  }

  async function listOne(source: KioskFileSource): Promise<KioskFile[]> {
    const dir = await folder(source);
    if (!dir) return [];
    const names = await readdir(dir).catch(() => [] as string[]);
    const out: KioskFile[] = [];
    for (const name of names.sort()) {
      const contentType = TYPES[extname(name).toLowerCase()];
      if (!contentType || !isBareName(name)) continue;
      const s = await regularFile(dir, name);
      if (!s) continue;
      out.push({ source, name, bytes: s.size, contentType });
    }
    return out;
  }

  return {
    async list() {
      return [...(await listOne('usb')), ...(await listOne('scanner'))];
    },
    async read(source, name) {
      const dir = await folder(source);
      if (!dir || !isBareName(name)) throw new SkrError('NOT_FOUND', 'no such file');
      const contentType = TYPES[extname(name).toLowerCase()];
      const listed = contentType && (await regularFile(dir, name));
      if (!listed) throw new SkrError('NOT_FOUND', 'no such file');
      const path = join(dir, name);
      // O_NOFOLLOW refuses a link put in its place since the check; the handle's own stat must
      // be the very file that was checked (same device and inode), still inside the folder.
      const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => {
        throw new SkrError('NOT_FOUND', 'no such file');
      });
      try {
        const s = await handle.stat();
        if (
          !s.isFile() ||
          s.dev !== listed.dev ||
          s.ino !== listed.ino ||
          s.size > MAX_FILE_BYTES ||
          !(await realpath(path).catch(() => '')).startsWith(dir + sep)
        )
          throw new SkrError('NOT_FOUND', 'no such file');
        const bytes = await handle.readFile();
        if (bytes.length > MAX_FILE_BYTES) throw new SkrError('NOT_FOUND', 'no such file');
        const file: KioskFile = { source, name, bytes: bytes.length, contentType };
        return { bytes, pages: countPages(bytes, contentType), file };
      } finally {
        await handle.close();
      }
    },
    async endSession() {
      const [scan, usb] = [await folder('scanner'), await folder('usb')];
      if (!scan) return 0;
      // Never empty a client's own USB stick: a set-up that points both at one folder (the demo
      // does) or nests one in the other keeps its files.
      if (usb && (usb === scan || usb.startsWith(scan + sep) || scan.startsWith(usb + sep)))
        return 0;
      return emptyFolder(scan);
    },
  };
}
