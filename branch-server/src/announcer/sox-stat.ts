import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The figures of `sox f.wav -n stat` that tell real speech from silence or garbage. */
interface SoxStat {
  lengthSeconds: number;
  maximumAmplitude: number;
  rmsAmplitude: number;
}

/** Measures a WAV with sox (a temp file under os.tmpdir(), removed afterwards). */
export async function soxStat(wav: Buffer): Promise<SoxStat> {
  const file = join(tmpdir(), `skr-sox-${randomUUID()}.wav`);
  await writeFile(file, wav);
  try {
    // `stat` prints to stderr and exits 0.
    const stderr = await new Promise<string>((resolve, reject) => {
      execFile('sox', [file, '-n', 'stat'], { timeout: 10_000 }, (err, _stdout, errText) =>
        err ? reject(err) : resolve(errText),
      );
    });
    const field = (name: string): number => {
      const m = new RegExp(`^${name}:\\s+(-?[\\d.]+)`, 'm').exec(stderr);
      if (!m) throw new Error(`sox stat has no "${name}": ${stderr}`);
      return Number(m[1]);
    };
    return {
      lengthSeconds: field('Length \\(seconds\\)'),
      maximumAmplitude: field('Maximum amplitude'),
      rmsAmplitude: field('RMS\\s+amplitude'),
    };
  } finally {
    await rm(file, { force: true });
  }
}
