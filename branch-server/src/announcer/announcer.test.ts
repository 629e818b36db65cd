import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSkrError } from '@skr/protocol/errors';
import { createAnnouncer, type Announcer } from './announcer';
import { espeakEngine } from './engine-espeak';
import { soxStat } from './sox-stat';
import type { SpeechEngine } from './types';
import { decodeWav } from './wav';

/** Wraps a real engine, counting the phrases it had to render. */
function counting(engine: SpeechEngine): SpeechEngine & { calls: string[] } {
  const calls: string[] = [];
  return {
    ...engine,
    calls,
    synthesize(text, lang) {
      calls.push(text);
      return engine.synthesize(text, lang);
    },
  };
}

let dir: string;
let announcer: Announcer | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skr-announcer-'));
});
afterEach(async () => {
  await announcer?.close();
  announcer = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('createAnnouncer with espeak-ng', () => {
  it('announces in Polish: real speech, id reusable through audio(id)', async () => {
    announcer = createAnnouncer({
      engine: espeakEngine(),
      cacheDir: dir,
      langs: ['pl', 'en', 'uk'],
    });
    const a = await announcer.announce({ ticketNumber: 'A123', counterNumber: 7, lang: 'pl' });
    expect(a.id).toBe('pl-A123-7');
    expect(announcer.audio(a.id)).toBe(a.wav);
    expect(announcer.audio('pl-A999-1')).toBeUndefined();
    const stat = await soxStat(a.wav);
    expect(stat.lengthSeconds * 1000).toBeCloseTo(a.durationMs, -1);
    expect(stat.lengthSeconds).toBeGreaterThan(2.5);
    expect(stat.lengthSeconds).toBeLessThan(7);
    expect(stat.rmsAmplitude).toBeGreaterThan(0.03);
  });

  it('a cache hit is fast: p99 of 300 calls well under 50 ms, no re-rendering', async () => {
    const engine = counting(espeakEngine());
    announcer = createAnnouncer({ engine, cacheDir: dir, langs: ['pl'] });
    await announcer.announce({ ticketNumber: 'A1', counterNumber: 1, lang: 'pl' }); // warm
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await announcer.announce({ ticketNumber: 'A1', counterNumber: 1, lang: 'pl' });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p99 = times[Math.ceil(0.99 * times.length) - 1]!;
    expect(p99).toBeLessThan(50);
    expect(engine.calls).toHaveLength(2); // the two halves, once
    expect(announcer.stats().memoryHits).toBe(600);
    expect(announcer.stats().latencyMs.p99).toBeLessThan(50);
  });

  it('renders missing segments on demand and reuses the disk cache after a restart', async () => {
    const first = counting(espeakEngine());
    announcer = createAnnouncer({ engine: first, cacheDir: dir, langs: ['pl'] });
    const a = await announcer.announce({ ticketNumber: 'B42', counterNumber: 12, lang: 'pl' });
    expect(first.calls).toEqual(['Numer Be czterdzieści dwa,', 'zaprasza stanowisko dwunaste.']);
    await announcer.close();

    const second = counting(espeakEngine());
    announcer = createAnnouncer({ engine: second, cacheDir: dir, langs: ['pl'] });
    const t = performance.now();
    const b = await announcer.announce({ ticketNumber: 'B42', counterNumber: 12, lang: 'pl' });
    expect(performance.now() - t).toBeLessThan(50);
    expect(second.calls).toEqual([]);
    expect(announcer.stats().diskHits).toBe(2);
    expect(b.wav.equals(a.wav)).toBe(true);
  });

  it('a damaged cache file is rendered again instead of failing the call', async () => {
    announcer = createAnnouncer({ engine: espeakEngine(), cacheDir: dir, langs: ['pl'] });
    await announcer.announce({ ticketNumber: 'C3', counterNumber: 4, lang: 'pl' });
    await announcer.close();
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.wav'));
    expect(files).toHaveLength(2);
    for (const f of files) await writeFile(join(dir, f), 'truncated');

    const engine = counting(espeakEngine());
    announcer = createAnnouncer({ engine, cacheDir: dir, langs: ['pl'] });
    const a = await announcer.announce({ ticketNumber: 'C3', counterNumber: 4, lang: 'pl' });
    expect(engine.calls).toHaveLength(2);
    expect((await soxStat(a.wav)).rmsAmplitude).toBeGreaterThan(0.03);
    for (const f of files)
      expect((await readFile(join(dir, f))).toString('ascii', 0, 4)).toBe('RIFF');
  });

  it('joins segments: same audio as the halves, optional chime in front', async () => {
    announcer = createAnnouncer({
      engine: espeakEngine(),
      cacheDir: dir,
      langs: ['pl'],
      includeChime: true,
    });
    const a = await announcer.announce({ ticketNumber: 'A5', counterNumber: 3, lang: 'pl' });
    const chime = decodeWav(announcer.chime());
    const joined = decodeWav(a.wav);
    expect(chime.sampleRate).toBe(joined.sampleRate);
    // The WAV starts with the chime samples, then 250 ms of silence.
    expect(Array.from(joined.samples.subarray(0, 2000))).toEqual(
      Array.from(chime.samples.subarray(0, 2000)),
    );
    const pause = joined.samples.subarray(chime.samples.length, chime.samples.length + 5000);
    expect(pause.every((s) => s === 0)).toBe(true);
  });

  it('pre-renders a day plan in the background without stalling the event loop', async () => {
    const engine = counting(espeakEngine());
    announcer = createAnnouncer({ engine, cacheDir: dir, langs: ['pl', 'en'], concurrency: 2 });
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const plan = { prefixes: ['A', 'B'], maxNumber: 15, counters: [1, 2, 3] };
    await announcer.prerender(plan);
    delay.disable();
    // (2 prefixes × 15 numbers + 3 counters) × 2 languages
    expect(engine.calls).toHaveLength(66);
    expect(announcer.stats().prerender).toEqual({ total: 66, done: 66, running: false });
    // Each step blocks only for a spawn and a WAV decode (~1 ms; p99 ~15 ms on an idle 2-core
    // machine). A render that blocked (a synchronous spawn takes ~100 ms per phrase) would put
    // most samples near that; the median is what tells the two apart, while the tail depends
    // on the other processes competing for the CPU (CI saw p99 104–121 ms with two test files
    // at once).
    expect(delay.percentile(50) / 1e6).toBeLessThan(40);
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.wav'));
    expect(files).toHaveLength(66);

    // Every call of the plan is now served without rendering.
    const t = performance.now();
    await announcer.announce({ ticketNumber: 'B15', counterNumber: 3, lang: 'en' });
    expect(performance.now() - t).toBeLessThan(50);
    expect(engine.calls).toHaveLength(66);

    // Running the plan again renders nothing.
    await announcer.prerender(plan);
    expect(engine.calls).toHaveLength(66);
  });

  it('close() stops a running pre-render', async () => {
    const engine = counting(espeakEngine());
    announcer = createAnnouncer({ engine, cacheDir: dir, langs: ['pl'], concurrency: 1 });
    const run = announcer.prerender({ prefixes: ['A'], maxNumber: 500, counters: [] });
    await new Promise((r) => setTimeout(r, 100));
    await announcer.close();
    await run;
    expect(engine.calls.length).toBeGreaterThan(0);
    expect(engine.calls.length).toBeLessThan(500);
  });

  it('rejects bad requests with INVALID and unsupported languages with UNAVAILABLE', async () => {
    const noUk: SpeechEngine = { ...espeakEngine(), langs: ['pl'] };
    announcer = createAnnouncer({ engine: noUk, cacheDir: dir, langs: ['pl', 'uk'] });
    const bad = await announcer
      .announce({ ticketNumber: 'A-1', counterNumber: 1, lang: 'pl' })
      .catch((e: unknown) => e);
    expect(isSkrError(bad, 'INVALID')).toBe(true);
    const off = await announcer
      .announce({ ticketNumber: 'A1', counterNumber: 1, lang: 'en' })
      .catch((e: unknown) => e);
    expect(isSkrError(off, 'INVALID')).toBe(true);
    const uk = await announcer
      .announce({ ticketNumber: 'A1', counterNumber: 1, lang: 'uk' })
      .catch((e: unknown) => e);
    expect(isSkrError(uk, 'UNAVAILABLE')).toBe(true);
    const plan = await announcer
      .prerender({ prefixes: ['A'], maxNumber: -1, counters: [] })
      .catch((e: unknown) => e);
    expect(isSkrError(plan, 'INVALID')).toBe(true);
  });
});

describe('committed sample docs/audio/announcement-pl.wav', () => {
  it('is a real Polish announcement: sane length, not silent', async () => {
    const wav = await readFile(new URL('../../../docs/audio/announcement-pl.wav', import.meta.url));
    expect(decodeWav(wav).sampleRate).toBe(22050);
    const stat = await soxStat(wav);
    expect(stat.lengthSeconds).toBeGreaterThan(2.5);
    expect(stat.lengthSeconds).toBeLessThan(7);
    expect(stat.rmsAmplitude).toBeGreaterThan(0.03);
  });
});
