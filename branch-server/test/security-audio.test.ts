import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnouncer, type Announcer } from '../src/announcer/announcer';
import type { SpeechEngine } from '../src/announcer/types';
import { encodeWav, silence } from '../src/announcer/wav';
import { startTestBranch, type TestBranch } from './harness';

// Issue 13: the audio route rendered and cached any id for any device token (300 requests
// wrote 75 MB in 13 s). Now only a call that exists is rendered; a flood of made-up ids makes
// no speech and writes nothing to the segment cache.
//
// Each attempt gets its own engine count, speech cache, announcer and branch: a retry neither
// meets its first attempt's call at the counter nor finds that call's audio already rendered.
let cacheDir = '';
/** How many texts this attempt's engine was asked to render. */
let synth = { count: 0 };
let announcer: Announcer | undefined;
let b: TestBranch;
let display = '';

/** Every file under `dir`, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

beforeEach(async () => {
  const counted = (synth = { count: 0 });
  const engine: SpeechEngine = {
    id: 'counting-test-engine',
    langs: ['pl', 'en', 'uk'],
    available: async () => true,
    synthesize: async () => {
      counted.count++;
      return encodeWav(silence(50, 22050));
    },
  };
  cacheDir = mkdtempSync(join(tmpdir(), 'skr-audio-'));
  announcer = createAnnouncer({ engine, cacheDir, langs: ['pl', 'en', 'uk'] });
  b = await startTestBranch({ announcer });
  display = await b.device('display');
}, 30_000);
afterEach(async () => {
  await b?.close();
  await announcer?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('announcement audio (issue 13)', () => {
  it('a flood of 300 made-up ids renders nothing and writes nothing', async () => {
    const before = files(cacheDir).length;
    const langs = ['pl', 'en', 'uk'];
    const statuses = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const letter = String.fromCharCode(65 + (i % 26));
        const n = String(100 + Math.floor(Math.random() * 9000)).padStart(3, '0');
        const id = `${langs[i % 3]}-${letter}${n}-${1 + (i % 99)}`;
        const r = await fetch(`${b.url}/api/v1/audio/${id}.wav`, {
          headers: { authorization: `Bearer ${display}` },
        });
        await r.arrayBuffer();
        return r.status;
      }),
    );
    expect(new Set(statuses)).toEqual(new Set([404]));
    expect(synth.count).toBe(0);
    expect(files(cacheDir).length).toBe(before);
    expect(announcer!.stats().rendered).toBe(0);
  });

  it('a real call is served (rendered at the call, or on demand in another language)', async () => {
    const clerk = await b.login('urzednik1');
    const kiosk = await b.device('kiosk');
    expect((await b.api('POST', '/api/v1/counters/1/open', clerk)).status).toBe(200);
    await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
    const called = await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    const number = called.body.ticket.number as string;
    const get = (id: string) =>
      fetch(`${b.url}/api/v1/audio/${id}.wav`, { headers: { authorization: `Bearer ${display}` } });
    const pl = await get(`pl-${number}-1`);
    expect(pl.status).toBe(200);
    expect(pl.headers.get('content-type')).toContain('audio/wav');
    const uk = await get(`uk-${number}-1`);
    expect(uk.status).toBe(200);
    expect(synth.count).toBeGreaterThan(0);
    // The same number at a counter it was never called to is not a call.
    expect((await get(`pl-${number}-2`)).status).toBe(404);
  });
});
