import { describe, expect, it } from 'vitest';
import { createAudioQueue } from './audio-queue';

function fakeDeps(missing: string[] = []) {
  const trace: string[] = [];
  let playing = 0;
  let overlap = false;
  return {
    trace,
    overlap: () => overlap,
    deps: {
      async load(id: string) {
        trace.push(`load ${id}`);
        if (missing.includes(id)) throw new Error('404');
        return new Blob([id]);
      },
      async play(clip: Blob, volume: number) {
        playing++;
        if (playing > 1) overlap = true;
        trace.push(`play ${await clip.text()} @${volume}`);
        await new Promise((r) => setTimeout(r, 5));
        playing--;
        return true;
      },
    },
  };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('audio queue', () => {
  it('plays chime then phrase; a run queued meanwhile shares one chime; chime fetched once', async () => {
    const f = fakeDeps();
    const q = createAudioQueue(f.deps);
    q.enqueue({ lang: 'pl', number: 'A001', counterId: 1, volume: 0.5 });
    q.enqueue({ lang: 'pl', number: 'A001', counterId: 1, volume: 0.5 });
    await until(() => q.log.played.length === 2);
    q.enqueue({ lang: 'uk', number: 'b002', counterId: 12, volume: 1 });
    await until(() => q.log.played.length === 3);
    expect(q.log.played).toEqual(['pl-A001-1', 'pl-A001-1', 'uk-B002-12']);
    expect(f.trace.filter((t) => t.startsWith('play'))).toEqual([
      'play chime @0.5',
      'play pl-A001-1 @0.5',
      // Queued while the first was announced: the short burst form of the same call.
      'play pl-A001-1-short @0.5',
      'play chime @1',
      'play uk-B002-12 @1',
    ]);
    expect(q.log.chimes).toBe(2);
    expect(q.log.short).toBe(1);
    expect(f.trace.filter((t) => t === 'load chime')).toHaveLength(1);
    expect(f.overlap()).toBe(false);
  });

  it('skips a muted screen and survives a clip that cannot be fetched', async () => {
    const f = fakeDeps(['pl-A001-1-short']);
    const q = createAudioQueue(f.deps);
    const outcomes = Promise.all([
      q.enqueue({ lang: 'pl', number: 'A009', counterId: 3, volume: 0 }),
      q.enqueue({ lang: 'pl', number: 'A001', counterId: 1, volume: 1 }),
      q.enqueue({ lang: 'pl', number: 'A002', counterId: 1, volume: 1 }),
    ]);
    expect(await outcomes).toEqual(['muted', 'failed', 'played']);
    expect(q.log.played).toEqual(['pl-A002-1']);
    expect(q.log.failed).toBe(1);
    expect(f.trace.some((t) => t.includes('A009'))).toBe(false);
  });

  it('drops nothing from a burst of twelve: all in order, one chime, each started in turn', async () => {
    const f = fakeDeps();
    const q = createAudioQueue(f.deps);
    const started: string[] = [];
    const numbers = Array.from({ length: 12 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`);
    const all = Promise.all(
      numbers.map((number, i) =>
        q.enqueue({
          lang: 'pl',
          number,
          counterId: i + 1,
          volume: 1,
          // The screen shows a call when its turn comes: never before the one ahead was heard.
          onStart: () => started.push(`${number} after ${q.log.played.length}`),
        }),
      ),
    );
    expect(await all).toEqual(numbers.map(() => 'played'));
    expect(q.log.played).toEqual(numbers.map((n, i) => `pl-${n}-${i + 1}`));
    expect(started).toEqual(numbers.map((n, i) => `${n} after ${i}`));
    expect(q.log.chimes).toBe(1);
    // The first in full, the eleven queued behind it in the short form.
    expect(q.log.short).toBe(11);
    expect(f.trace.filter((t) => t.startsWith('play pl-'))).toEqual(
      numbers.map((n, i) => `play pl-${n}-${i + 1}${i === 0 ? '' : '-short'} @1`),
    );
    expect(f.overlap()).toBe(false);
  });

  it('skips an announcement whose call was withdrawn before its turn', async () => {
    const f = fakeDeps();
    const q = createAudioQueue(f.deps);
    let cancelled = false;
    const a = q.enqueue({ lang: 'pl', number: 'A001', counterId: 1, volume: 1 });
    const b = q.enqueue({
      lang: 'pl',
      number: 'A002',
      counterId: 2,
      volume: 1,
      skip: () => cancelled,
    });
    cancelled = true;
    expect([await a, await b]).toEqual(['played', 'skipped']);
    expect(q.log.played).toEqual(['pl-A001-1']);
  });
});
