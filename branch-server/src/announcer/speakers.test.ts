import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSkrError } from '@skr/protocol/errors';
import { createAnnouncer } from './announcer';
import { chimePcm } from './chime';
import { espeakEngine } from './engine-espeak';
import { createSpeakerPlayer } from './speakers';
import { decodeWav, encodeWav } from './wav';

// No sound card here: the "player" is a shell that appends what it reads on stdin to a file,
// which proves what `aplay -` / `play -` would have been fed and in what order.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skr-speakers-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Appends stdin to `file`; logs S and E around each play in `file.log` to expose overlaps. */
function recorder(file: string, delayS = 0) {
  const script = `echo S >> "$0.log"; cat >> "$0"; sleep ${delayS}; echo E >> "$0.log"`;
  return createSpeakerPlayer({ command: 'sh', args: ['-c', script, file] });
}

describe('speaker playback', () => {
  it('feeds each WAV to the player in order, one at a time', async () => {
    const out = join(dir, 'played.bin');
    const player = recorder(out, 0.05);
    const a = encodeWav(chimePcm({ toneMs: 50 }));
    const b = encodeWav(chimePcm({ toneMs: 80 }));
    await Promise.all([player.play(a), player.play(b), player.play(a)]);
    expect((await readFile(out)).equals(Buffer.concat([a, b, a]))).toBe(true);
    expect((await readFile(`${out}.log`, 'utf8')).split('\n').join('')).toBe('SESESE');
  });

  it('a missing player rejects with UNAVAILABLE and does not block the next one', async () => {
    const player = createSpeakerPlayer({ command: '/nonexistent/aplay' });
    const err = await player.play(encodeWav(chimePcm())).catch((e: unknown) => e);
    expect(isSkrError(err, 'UNAVAILABLE')).toBe(true);
    expect(
      isSkrError(await player.play(Buffer.alloc(0)).catch((e: unknown) => e), 'UNAVAILABLE'),
    ).toBe(true);
  });

  it('the announcer plays chime + phrase on the speakers when configured', async () => {
    const out = join(dir, 'played.wav');
    const cacheDir = join(dir, 'cache');
    const announcer = createAnnouncer({
      engine: espeakEngine(),
      cacheDir,
      langs: ['pl'],
      speakers: recorder(out),
    });
    const a = await announcer.announce({ ticketNumber: 'A7', counterNumber: 2, lang: 'pl' });
    // Playback is fire-and-forget; wait (bounded) until the player has finished.
    await vi.waitFor(async () => expect(await readFile(`${out}.log`, 'utf8')).toBe('S\nE\n'), {
      timeout: 5000,
    });
    const played = decodeWav(await readFile(out));
    const phrase = decodeWav(a.wav);
    const chime = decodeWav(announcer.chime());
    // Played = chime + 250 ms pause + the phrase served to screens.
    expect(played.samples.length).toBe(
      chime.samples.length + Math.round(0.25 * chime.sampleRate) + phrase.samples.length,
    );
    expect(Array.from(played.samples.subarray(-1000))).toEqual(
      Array.from(phrase.samples.subarray(-1000)),
    );
    await announcer.close();
  });
});
