import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAnswerPdf } from '../src/answer-pdf';

// The answer letter read back by poppler's pdftotext, a reader we did not write: the Polish
// letters must survive (the standard PDF fonts would drop ą ę ł ś ź ż ć ń).
const run = promisify(execFile);
const letter = {
  id: 'ans-test-1',
  title: 'Wezwanie do uzupełnienia dokumentów',
  date: '2026-11-27',
  sender: 'ZUS Oddział w Łodzi',
  reference: 'ZUS/2026/0042',
  body: 'Prosimy o dostarczenie zaświadczenia w ciągu 14 dni.\n\nŻółć, gęś, źdźbło — Ą Ę Ł Ś Ź Ż Ć Ń Ó.',
};

describe('answer letter PDF', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('keeps the Polish letters, and the same letter gives the same bytes', async () => {
    const pdf = await renderAnswerPdf(letter);
    const dir = await mkdtemp(join(tmpdir(), 'skr-letter-'));
    dirs.push(dir);
    const file = join(dir, 'letter.pdf');
    await writeFile(file, pdf);
    const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).toContain('Zakład Ubezpieczeń Społecznych');
    expect(text).toContain('ZUS Oddział w Łodzi');
    expect(text).toContain('Wezwanie do uzupełnienia dokumentów');
    expect(text).toContain('Żółć, gęś, źdźbło');
    expect(text).toContain('Ą Ę Ł Ś Ź Ż Ć Ń Ó');
    const { stdout: info } = await run('pdfinfo', [file]);
    expect(info).toMatch(/Title:\s+Wezwanie do uzupełnienia dokumentów/);
    expect((await renderAnswerPdf(letter)).equals(pdf)).toBe(true);
  });
});
