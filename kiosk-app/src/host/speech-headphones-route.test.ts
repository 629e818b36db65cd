import Fastify from 'fastify';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpeechEngine } from '@skr/branch-server/announcer';
import { createInputEventJack, headphoneEvent } from './speech-headphones';
import { HEADPHONES_PATH, registerSpeechRoute } from './speech-route';
import { createKioskSpeech } from './speech-service';

// The jack's events reach the page as server-sent events from a real server on port 0; the
// jack reads kernel input events from a stream the test writes, as /dev/input would.

const engine: SpeechEngine = {
  id: 'none',
  langs: ['pl', 'en', 'uk'],
  available: () => Promise.resolve(true),
  synthesize: () => Promise.resolve(Buffer.from('RIFF')),
};
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function serve(headphones: ReturnType<typeof createInputEventJack> | null) {
  const app = Fastify();
  const speech = createKioskSpeech({ engine, headphones });
  registerSpeechRoute(app, speech);
  await app.listen({ port: 0, host: '127.0.0.1' });
  closers.push(
    () => speech.close(),
    () => app.close(),
  );
  const addr = app.server.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}

describe('headphones events over HTTP', () => {
  it('streams plug and unplug as they happen, not the state at connection', async () => {
    const kernel = new PassThrough();
    const jack = createInputEventJack(kernel);
    kernel.write(headphoneEvent(true)); // before the page connects: not sent
    const url = await serve(jack);
    const ac = new AbortController();
    closers.unshift(async () => ac.abort());
    const res = await fetch(`${url}${HEADPHONES_PATH}`, { signal: ac.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 5000;
      while (!text.includes(needle) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += Buffer.from(value).toString('utf8');
      }
      return text;
    };
    await readUntil(': connected');
    kernel.write(headphoneEvent(false));
    kernel.write(headphoneEvent(true));
    await readUntil('"plugged":true');
    expect(text.match(/^data: .*$/gm)).toEqual([
      'data: {"plugged":false}',
      'data: {"plugged":true}',
    ]);
  });

  it('has no events path where the hardware reports no jack', async () => {
    const url = await serve(null);
    expect((await fetch(`${url}${HEADPHONES_PATH}`)).status).toBe(404);
  });
});
