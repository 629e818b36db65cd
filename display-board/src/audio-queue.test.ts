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
  it('plays chime then phrase, one announcement at a time, chime fetched once', async () => {
    const f = fakeDeps();
    const q = createAudioQueue(f.deps);
    q.enqueue({ lang: 'pl', number: 'A001', counterId: 1, volume: 0.5 });
    q.enqueue({ lang: 'pl', number: 'A001', counterId: 1, volume: 0.5 });
    q.enqueue({ lang: 'uk', number: 'b002', counterId: 12, volume: 1 });
    await until(() => q.log.played.length === 3);
    expect(q.log.played).toEqual(['pl-A001-1', 'pl-A001-1', 'uk-B002-12']);
    expect(f.trace.filter((t) => t.startsWith('play'))).toEqual([
      'play chime @0.5',
      'play pl-A001-1 @0.5',
      'play chime @0.5',
      'play pl-A001-1 @0.5',
      'play chime @1',
      'play uk-B002-12 @1',
    ]);
    expect(f.trace.filter((t) => t === 'load chime')).toHaveLength(1);
    expect(f.overlap()).toBe(false);
  });

  it('skips a muted screen and survives a clip that cannot be fetched', async () => {
    const f = fakeDeps(['pl-A001-1']);
    const q = createAudioQueue(f.deps);
    q.enqueue({ lang: 'pl', number: 'A009', counterId: 3, volume: 0 });
    q.enqueue({ lang: 'pl', number: 'A001', counterId: 1, volume: 1 });
    q.enqueue({ lang: 'pl', number: 'A002', counterId: 1, volume: 1 });
    await until(() => q.log.played.length === 1);
    expect(q.log.played).toEqual(['pl-A002-1']);
    expect(q.log.failed).toBe(1);
    expect(f.trace.some((t) => t.includes('A009'))).toBe(false);
  });

  it('drops the oldest of a backlog instead of reading out stale calls', async () => {
    const f = fakeDeps();
    const q = createAudioQueue(f.deps);
    for (let i = 1; i <= 8; i++)
      q.enqueue({ lang: 'pl', number: `A00${i}`, counterId: 1, volume: 1 });
    await until(() => q.log.played.length >= 5);
    await new Promise((r) => setTimeout(r, 50));
    // The first starts at once; of the seven queued behind it only the last four remain.
    expect(q.log.played).toEqual(['pl-A001-1', 'pl-A005-1', 'pl-A006-1', 'pl-A007-1', 'pl-A008-1']);
  });
});
