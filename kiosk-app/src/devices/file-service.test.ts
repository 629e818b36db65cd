import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countPages, createFileService } from './file-service';

const dir = mkdtempSync(join(tmpdir(), 'skr-kiosk-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file service', () => {
  it('lists only PDFs and images, reads by bare name, refuses paths', async () => {
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
  });

  it('counts pages of a PDF, one for an image', () => {
    expect(countPages(Buffer.from('/Type /Pages /Type /Page\n/Type/Page'), 'application/pdf')).toBe(
      2,
    );
    expect(countPages(Buffer.from('x'), 'image/png')).toBe(1);
  });
});
