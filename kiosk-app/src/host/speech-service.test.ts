import { describe, expect, it } from 'vitest';
import type { SpeechEngine } from '@skr/branch-server/announcer';
import { fixedPhrases } from './speech-phrases';
import { createKioskSpeech, spokenText } from './speech-service';

// An engine that records what it was asked and answers when told to, so the order of
// renders and the cache can be observed.
function manualEngine() {
  const asked: string[] = [];
  const pending: (() => void)[] = [];
  const engine: SpeechEngine = {
    id: 'manual',
    langs: ['pl', 'en', 'uk'],
    available: () => Promise.resolve(true),
    synthesize(text) {
      asked.push(text);
      return new Promise((resolve) => pending.push(() => resolve(Buffer.from(`RIFF${text}`))));
    },
  };
  const finishAll = async () => {
    while (pending.length) {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { engine, asked, finishAll };
}

describe('kiosk speech', () => {
  it('spells ticket numbers and numbers out for the engine', () => {
    expect(spokenText('Twój numer: A002. Osób przed Tobą: 12.', 'pl')).toBe(
      'Twój numer: A dwa. Osób przed Tobą: dwanaście.',
    );
  });

  it('renders a phrase once and serves it from the cache after', async () => {
    const m = manualEngine();
    const speech = createKioskSpeech({ engine: m.engine });
    const a = speech.wav('Wybierz sprawę', 'pl');
    const b = speech.wav('Wybierz sprawę', 'pl');
    await m.finishAll();
    expect((await a).toString()).toBe('RIFFWybierz sprawę');
    expect(await b).toBe(await a);
    expect(m.asked).toEqual(['Wybierz sprawę']);
    expect(speech.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('renders prefetches one at a time, after a phrase a client waits for', async () => {
    const m = manualEngine();
    const speech = createKioskSpeech({ engine: m.engine });
    const bg = ['Jeden', 'Dwa', 'Trzy'].map((t) => speech.wav(t, 'pl', true));
    expect(m.asked).toEqual(['Jeden']);
    const now = speech.wav('Teraz', 'pl');
    expect(m.asked).toEqual(['Jeden', 'Teraz']);
    // Asked by a client before its prefetch started: rendered at once, not twice.
    const three = speech.wav('Trzy', 'pl');
    expect(m.asked).toEqual(['Jeden', 'Teraz', 'Trzy']);
    await m.finishAll();
    await Promise.all([...bg, now, three]);
    expect(m.asked).toEqual(['Jeden', 'Teraz', 'Trzy', 'Dwa']);
  });

  it('warms the fixed phrases up at start, shortest first, one at a time, yielding to a client', async () => {
    const m = manualEngine();
    const speech = createKioskSpeech({ engine: m.engine, warmUp: ['pl'], headphones: null });
    const fixed = fixedPhrases('pl');
    expect(fixed).toEqual(expect.arrayContaining(['5', 'A', 'Wstecz', 'Wybierz sprawę']));
    expect(fixed).toContain('Pobierz bilet Wybierz sprawę i stań w kolejce');
    // The engine is given the phrases as spoken ("5" is "pięć").
    const said = fixed.map((f) => spokenText(f, 'pl'));
    expect(m.asked).toEqual([said[0]]);
    const now = speech.wav('Teraz', 'pl');
    await m.finishAll(); // finishes the first warm-up phrase and 'Teraz', then the rest in turn
    await now;
    expect(m.asked.slice(0, 3)).toEqual([said[0], 'Teraz', said[1]]);
    expect(m.asked.length).toBe(fixed.length + 1);
    m.asked.length = 0;
    await speech.wav('Wstecz', 'pl');
    expect(m.asked).toEqual([]); // already warm
    await speech.close();
  });

  it('forgets the oldest phrase past its size', async () => {
    const m = manualEngine();
    const speech = createKioskSpeech({ engine: m.engine, maxEntries: 2 });
    for (const t of ['a', 'b', 'c', 'a']) {
      const p = speech.wav(t, 'en');
      await m.finishAll();
      await p;
    }
    expect(m.asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
