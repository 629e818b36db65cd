import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Lang } from '@skr/protocol/domain';
import { isSkrError } from '@skr/protocol/errors';
import { registerEventStream } from './event-stream';
import type { KioskSpeech } from './speech-service';

/** Path the renderer's <audio> plays phrases from: `GET /speech?lang=pl&text=…` → WAV. */
const SPEECH_PATH = '/speech';
/** Server-sent events `{"plugged":true|false}` when headphones are plugged in or pulled. */
export const HEADPHONES_PATH = '/speech/headphones';

const SpeechQuery = z.object({
  lang: Lang,
  text: z.string().trim().min(1).max(400),
  /** Asked ahead of time (a screen's controls): rendered after what a client waits for. */
  prefetch: z.literal('1').optional(),
});

/** Serves kiosk phrases as WAV (same origin, so the page's CSP lets <audio> play them). */
export function registerSpeechRoute(app: FastifyInstance, speech: KioskSpeech): void {
  app.get(SPEECH_PATH, async (req, reply) => {
    const q = SpeechQuery.safeParse(req.query);
    if (!q.success) return reply.status(400).send({ code: 'INVALID', message: 'lang and text' });
    try {
      const wav = await speech.wav(q.data.text, q.data.lang, q.data.prefetch === '1');
      // The same phrase is the same audio: let Chromium keep it too.
      return reply
        .header('content-type', 'audio/wav')
        .header('cache-control', 'private, max-age=86400')
        .send(wav);
    } catch (e) {
      const code = isSkrError(e) ? e.code : 'UNAVAILABLE';
      return reply.status(503).send({ code, message: 'speech unavailable' });
    }
  });
  const jack = speech.headphones;
  // Without a jack the path is absent (404) and the page's EventSource gives up at once.
  if (!jack) return;
  // Only changes are sent, never the state at connection: headphones left in the socket
  // must not switch speech on again for the next client after a fresh start.
  registerEventStream<{ plugged: boolean }>(app, HEADPHONES_PATH, (send) =>
    jack.onChange((plugged) => send({ plugged })),
  );
}
