import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { isSkrError } from '@skr/protocol/errors';
import { espeakEngine } from './engine-espeak';
import { sayEngine } from './engine-say';
import { text2wavEngine } from './engine-text2wav';
import { pickEngine } from './pick-engine';
import { buildPhrase } from './phrase';
import { soxStat } from './sox-stat';
import { decodeWav, durationMs } from './wav';

const PL = buildPhrase({ ticketNumber: 'A123', counterNumber: 7, lang: 'pl' });

// Bounds for a ~10-word sentence at 160 wpm: shorter means cut off, longer means garbage or
// spelled-out characters; an RMS this high rules out silence and faint noise.
function expectSpeech(stat: {
  lengthSeconds: number;
  maximumAmplitude: number;
  rmsAmplitude: number;
}): void {
  expect(stat.lengthSeconds).toBeGreaterThan(2.5);
  expect(stat.lengthSeconds).toBeLessThan(7);
  expect(stat.maximumAmplitude).toBeGreaterThan(0.2);
  expect(stat.rmsAmplitude).toBeGreaterThan(0.03);
}

describe('espeak-ng engine (real binary)', () => {
  const engine = espeakEngine();

  it('is available here', async () => {
    expect(await engine.available()).toBe(true);
  });

  it('speaks a Polish announcement: sane length, not silent (sox stat)', async () => {
    const wav = await engine.synthesize(PL, 'pl');
    expectSpeech(await soxStat(wav));
  });

  it('speaks English and Ukrainian too', async () => {
    for (const lang of ['en', 'uk'] as const) {
      const wav = await engine.synthesize(
        buildPhrase({ ticketNumber: 'B251', counterNumber: 53, lang }),
        lang,
      );
      expectSpeech(await soxStat(wav));
    }
  });

  it('Ukrainian apostrophes no longer insert pauses', async () => {
    // Same words with and without apostrophes must come out the same length once normalised.
    const withApostrophe = decodeWav(await engine.synthesize("п'ятдесят дев'ять", 'uk'));
    const plain = decodeWav(await engine.synthesize('пятдесят девять', 'uk'));
    expect(durationMs(withApostrophe)).toBe(durationMs(plain));
  });

  it('a missing binary rejects with UNAVAILABLE', async () => {
    const missing = espeakEngine({ bin: '/nonexistent/espeak-ng' });
    expect(await missing.available()).toBe(false);
    const err = await missing.synthesize('test', 'pl').catch((e: unknown) => e);
    expect(isSkrError(err, 'UNAVAILABLE')).toBe(true);
  });
});

describe('text2wav engine (espeak in wasm, in a worker)', () => {
  const engine = text2wavEngine();
  afterAll(() => engine.close?.());

  it('produces a valid Polish WAV', async () => {
    expect(await engine.available()).toBe(true);
    const wav = await engine.synthesize(PL, 'pl');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(decodeWav(wav).sampleRate).toBe(22050);
    expectSpeech(await soxStat(wav));
  });

  it('does not block the event loop while rendering', async () => {
    // Event-loop utilisation counts only time the main thread is busy, so unlike a timer it
    // does not flake when other processes compete for the CPU. In-thread wasm would give ~1.
    const before = performance.eventLoopUtilization();
    await engine.synthesize('Numer Be dwieście pięćdziesiąt jeden,', 'pl');
    expect(performance.eventLoopUtilization(before).utilization).toBeLessThan(0.5);
  });

  it('has no Ukrainian voice and says so instead of hanging', async () => {
    const err = await engine.synthesize('Номер', 'uk').catch((e: unknown) => e);
    expect(isSkrError(err, 'UNAVAILABLE')).toBe(true);
  });
});

describe('say engine and pickEngine', () => {
  it('say reports itself unavailable on Linux', async () => {
    const engine = sayEngine({ platform: 'linux' });
    expect(await engine.available()).toBe(false);
    expect(
      isSkrError(await engine.synthesize('x', 'pl').catch((e: unknown) => e), 'UNAVAILABLE'),
    ).toBe(true);
  });

  it('picks espeak-ng here by default, falls through to text2wav, fails when none fits', async () => {
    expect((await pickEngine()).id).toBe(
      process.platform === 'linux' ? 'espeak-ng' : expect.any(String),
    );
    if (process.platform === 'linux') {
      const fallback = await pickEngine(['say', 'text2wav']);
      expect(fallback.id).toBe('text2wav');
      await fallback.close?.();
      expect(isSkrError(await pickEngine(['say']).catch((e: unknown) => e), 'UNAVAILABLE')).toBe(
        true,
      );
    }
    await expect(pickEngine(['festival'])).rejects.toThrow(/Unknown speech engine/);
  });
});
