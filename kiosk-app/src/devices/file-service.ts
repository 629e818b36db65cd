import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SkrError, type KioskFile, type KioskFileSource } from '@skr/protocol';

/** Largest file the branch takes (10 MB decoded). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

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
}

/** Pages of a PDF (its /Type /Page objects); an image is one page. */
export function countPages(bytes: Buffer, contentType: KioskFile['contentType']): number {
  if (contentType !== 'application/pdf') return 1;
  const n = bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  return Math.max(1, n);
}

/** Creates the file service over the two folders (a missing folder lists as empty). */
export function createFileService(dirs: Partial<Record<KioskFileSource, string>>): FileService {
  async function listOne(source: KioskFileSource): Promise<KioskFile[]> {
    const dir = dirs[source];
    if (!dir) return [];
    const names = await readdir(dir).catch(() => [] as string[]);
    const out: KioskFile[] = [];
    for (const name of names.sort()) {
      const contentType = TYPES[extname(name).toLowerCase()];
      if (!contentType || name.startsWith('.')) continue;
      const s = await stat(join(dir, name)).catch(() => null);
      if (!s?.isFile() || s.size > MAX_FILE_BYTES) continue;
      out.push({ source, name, bytes: s.size, contentType });
    }
    return out;
  }
  return {
    async list() {
      return [...(await listOne('usb')), ...(await listOne('scanner'))];
    },
    async read(source, name) {
      const dir = dirs[source];
      // basename() guards against "../" even though the schema already refuses slashes.
      if (!dir || basename(name) !== name) throw new SkrError('NOT_FOUND', 'no such file');
      const file = (await listOne(source)).find((f) => f.name === name);
      if (!file) throw new SkrError('NOT_FOUND', 'no such file');
      const bytes = await readFile(join(dir, name));
      return { bytes, pages: countPages(bytes, file.contentType), file };
    },
  };
}
