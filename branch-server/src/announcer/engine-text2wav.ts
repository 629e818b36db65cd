import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { SkrError } from '@skr/protocol/errors';
import type { Lang, SpeechEngine } from './types';

/** Options of the pure-JavaScript text2wav engine. */
export interface Text2wavOptions {
  speed?: number;
  timeoutMs?: number;
}

// text2wav 0.0.14 bundles espeak-ng data without Ukrainian, and asked for a missing voice it
// never settles its promise; so Ukrainian is declared unsupported instead of attempted.
const VOICES: Partial<Record<Lang, string>> = { pl: 'pl', en: 'en-gb' };

// text2wav runs espeak compiled to wasm synchronously for ~0.2-0.3 s a phrase, which would
// stall the event loop; so it runs in a worker. The worker is CommonJS source evaluated in place
// (tsx does not compile worker files) and it silences the emscripten chatter on the console.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
console.log = console.warn = console.error = () => {};
const text2wav = require(workerData.modulePath);
parentPort.on('message', async ({ id, text, voice, speed }) => {
  try {
    const wav = await text2wav(text, { voice, speed });
    parentPort.postMessage({ id, wav }, [wav.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message || e) });
  }
});
`;

interface Pending {
  resolve: (wav: Buffer) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** espeak-ng compiled to wasm (npm text2wav): needs no system package; Polish and English. */
export function text2wavEngine(opts: Text2wavOptions = {}): SpeechEngine {
  const speed = opts.speed ?? 160;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const require = createRequire(import.meta.url);
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const failAll = (e: Error): void => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    pending.clear();
  };
  const getWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath: require.resolve('text2wav') },
    });
    w.unref();
    w.on('message', (m: { id: number; wav?: Uint8Array; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.wav) p.resolve(Buffer.from(m.wav.buffer, m.wav.byteOffset, m.wav.byteLength));
      else p.reject(new SkrError('UNAVAILABLE', `text2wav failed: ${m.error ?? 'unknown'}`));
    });
    w.on('error', (cause) =>
      failAll(new SkrError('UNAVAILABLE', 'text2wav worker crashed', { cause })),
    );
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      failAll(new SkrError('UNAVAILABLE', 'text2wav worker exited'));
    });
    worker = w;
    return w;
  };

  return {
    id: 'text2wav',
    variant: `pl/en-gb@${speed}`,
    langs: ['pl', 'en'],
    available() {
      try {
        require.resolve('text2wav');
        return Promise.resolve(true);
      } catch {
        return Promise.resolve(false);
      }
    },
    synthesize(text, lang) {
      const voice = VOICES[lang];
      if (!voice)
        return Promise.reject(new SkrError('UNAVAILABLE', `text2wav has no voice for ${lang}`));
      const w = getWorker();
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new SkrError('TIMEOUT', `text2wav did not finish within ${timeoutMs} ms`));
          // A stuck wasm run cannot be interrupted; drop the worker so the next call gets a fresh one.
          void w.terminate();
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        w.postMessage({ id, text, voice, speed: String(speed) });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      failAll(new SkrError('UNAVAILABLE', 'text2wav engine closed'));
      await w?.terminate();
    },
  };
}
