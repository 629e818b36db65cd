import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countPages, createFileService, emptyFolder, isBareName } from './file-service';

const root = mkdtempSync(join(tmpdir(), 'skr-kiosk-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh folder per test so one test's links do not change another's listing. */
const fresh = (name: string) => {
  const d = join(root, `${name}-${(n += 1)}`);
  mkdirSync(d, { recursive: true });
  return d;
};

describe('file service', () => {
  it('lists only PDFs and images, reads by bare name, refuses paths', async () => {
    const dir = fresh('usb');
    writeFileSync(join(dir, 'wniosek.pdf'), '%PDF /Type /Pages /Type /Page /Type /Page');
    writeFileSync(join(dir, 'skan.JPG'), 'jpeg');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, '.hidden.pdf'), 'x');
    const files = createFileService({ usb: dir });
    expect((await files.list()).map((f) => f.name)).toEqual(['skan.JPG', 'wniosek.pdf']);
    const r = await files.read('usb', 'wniosek.pdf');
    expect(r.pages).toBe(2);
    await expect(files.read('usb', '../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(files.read('scanner', 'wniosek.pdf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(files.read('usb', 'notes.txt')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(files.read('usb', '.hidden.pdf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('neither lists nor reads a symbolic link, whether it points outside or inside', async () => {
    const dir = fresh('usb');
    const secret = join(fresh('elsewhere'), 'pit-2025.pdf');
    writeFileSync(secret, '%PDF secret of another client /Type /Page');
    writeFileSync(join(dir, 'own.pdf'), '%PDF own /Type /Page');
    symlinkSync(secret, join(dir, 'link-out.pdf'));
    symlinkSync(join(dir, 'own.pdf'), join(dir, 'link-in.pdf'));
    symlinkSync(fresh('elsewhere'), join(dir, 'folder.pdf'));
    mkdirSync(join(dir, 'sub.pdf'));
    const files = createFileService({ usb: dir });
    expect((await files.list()).map((f) => f.name)).toEqual(['own.pdf']);
    for (const name of ['link-out.pdf', 'link-in.pdf', 'folder.pdf', 'sub.pdf'])
      await expect(files.read('usb', name), name).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a hard link to a file elsewhere', async () => {
    const dir = fresh('usb');
    const secret = join(fresh('elsewhere'), 'cudzy.pdf');
    writeFileSync(secret, '%PDF hard /Type /Page');
    linkSync(secret, join(dir, 'twardy.pdf'));
    const files = createFileService({ usb: dir });
    expect(await files.list()).toEqual([]);
    await expect(files.read('usb', 'twardy.pdf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses `../`, separators and NUL in names', async () => {
    const dir = fresh('usb');
    const outside = join(dir, '..', 'outside.pdf');
    writeFileSync(outside, '%PDF outside /Type /Page');
    const files = createFileService({ usb: dir });
    for (const name of [
      '../outside.pdf',
      '..',
      '.',
      'a/../../outside.pdf',
      '..\\outside.pdf',
      'x\0.pdf',
    ])
      await expect(files.read('usb', name), JSON.stringify(name)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    expect(isBareName('wniosek.pdf')).toBe(true);
    expect(isBareName('../wniosek.pdf')).toBe(false);
  });

  it('refuses a file swapped for a link between listing and reading', async () => {
    const dir = fresh('usb');
    const secret = join(fresh('elsewhere'), 'secret.pdf');
    writeFileSync(secret, '%PDF secret /Type /Page');
    writeFileSync(join(dir, 'wniosek.pdf'), '%PDF mine /Type /Page');
    const files = createFileService({ usb: dir });
    expect((await files.list()).map((f) => f.name)).toEqual(['wniosek.pdf']);
    await unlink(join(dir, 'wniosek.pdf'));
    symlinkSync(secret, join(dir, 'wniosek.pdf'));
    await expect(files.read('usb', 'wniosek.pdf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('follows a link in the configured folder path itself (an operator choice)', async () => {
    const real = fresh('media');
    writeFileSync(join(real, 'wniosek.pdf'), '%PDF /Type /Page');
    const alias = join(root, `usb-alias-${(n += 1)}`);
    symlinkSync(real, alias);
    const files = createFileService({ usb: alias });
    expect((await files.list()).map((f) => f.name)).toEqual(['wniosek.pdf']);
    expect((await files.read('usb', 'wniosek.pdf')).bytes.toString()).toContain('%PDF');
  });

  it('empties the scanner folder at the end of a session, links removed but never followed', async () => {
    const usb = fresh('usb');
    const scan = fresh('scan');
    const keep = fresh('elsewhere');
    writeFileSync(join(keep, 'keep.pdf'), 'keep');
    writeFileSync(join(usb, 'stick.pdf'), '%PDF stick /Type /Page');
    writeFileSync(join(scan, 'skan-1.pdf'), '%PDF scan /Type /Page');
    writeFileSync(join(scan, '.partial'), 'x');
    mkdirSync(join(scan, 'batch'));
    writeFileSync(join(scan, 'batch', 'p1.png'), 'png');
    symlinkSync(keep, join(scan, 'link-to-folder'));
    symlinkSync(join(keep, 'keep.pdf'), join(scan, 'link-to-file.pdf'));
    const files = createFileService({ usb, scanner: scan });
    expect((await files.list()).map((f) => `${f.source}/${f.name}`)).toEqual([
      'usb/stick.pdf',
      'scanner/skan-1.pdf',
    ]);
    expect(await files.endSession()).toBe(5);
    expect(readdirSync(scan)).toEqual([]);
    expect(existsSync(join(keep, 'keep.pdf'))).toBe(true);
    expect(existsSync(join(usb, 'stick.pdf'))).toBe(true);
    expect((await files.list()).map((f) => f.name)).toEqual(['stick.pdf']);
    await expect(files.read('scanner', 'skan-1.pdf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never empties a scanner folder that is, holds or lies in the USB folder', async () => {
    const shared = fresh('shared');
    writeFileSync(join(shared, 'wniosek.pdf'), '%PDF /Type /Page');
    expect(await createFileService({ usb: shared, scanner: shared }).endSession()).toBe(0);
    mkdirSync(join(shared, 'scan'));
    writeFileSync(join(shared, 'scan', 'skan.pdf'), 'x');
    expect(
      await createFileService({ usb: shared, scanner: join(shared, 'scan') }).endSession(),
    ).toBe(0);
    expect(
      await createFileService({ usb: join(shared, 'scan'), scanner: shared }).endSession(),
    ).toBe(0);
    expect(existsSync(join(shared, 'wniosek.pdf'))).toBe(true);
    expect(existsSync(join(shared, 'scan', 'skan.pdf'))).toBe(true);
    // Without a scanner folder, or with a missing one, there is nothing to do.
    expect(await createFileService({ usb: shared }).endSession()).toBe(0);
    expect(await emptyFolder(join(root, 'missing'))).toBe(0);
  });

  it('counts pages of a PDF, one for an image', () => {
    expect(countPages(Buffer.from('/Type /Pages /Type /Page\n/Type/Page'), 'application/pdf')).toBe(
      2,
    );
    expect(countPages(Buffer.from('x'), 'image/png')).toBe(1);
  });
});
