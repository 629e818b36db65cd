import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Lang } from '@skr/protocol/domain';
import { isSkrError } from '@skr/protocol/errors';
import type { KioskSpeech } from './speech-service';

/** Path the renderer's <audio> plays phrases from: `GET /speech?lang=pl&text=…` → WAV. */
export const SPEECH_PATH = '/speech';

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
}
