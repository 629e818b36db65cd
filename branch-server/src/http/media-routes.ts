import { DisplayConfig, SkrError, defaultDisplayConfig } from '@skr/protocol';
import type { FastifyInstance } from 'fastify';
import type { Announcer } from '../announcer';
import { allowed } from '../auth';
import { catalogRepo } from '../store';
import { authorize } from './authorize';
import type { ApiContext } from './context';
import { parse } from './validate';

const AUDIO_ID = /^(pl|en|uk)-([A-Z]\d{3,4})-(\d{1,3})$/;

/** Announcement audio for the screens, and each screen's configuration. */
export async function mediaRoutes(
  app: FastifyInstance,
  ctx: ApiContext & { announcer?: Announcer },
): Promise<void> {
  const { auth, announcer } = ctx;
  const settings = catalogRepo(ctx.branch.db);
  app.get('/api/v1/audio/chime.wav', async (req, reply) => {
    authorize(auth, req, allowed.readQueue);
    if (!announcer) throw new SkrError('UNAVAILABLE', 'announcements are off');
    return reply
      .type('audio/wav')
      .header('cache-control', 'private, max-age=86400')
      .send(announcer.chime());
  });
  app.get<{ Params: { id: string } }>('/api/v1/audio/:id', async (req, reply) => {
    authorize(auth, req, allowed.readQueue);
    if (!announcer) throw new SkrError('UNAVAILABLE', 'announcements are off');
    const m = AUDIO_ID.exec(req.params.id.replace(/\.wav$/, ''));
    if (!m) throw new SkrError('NOT_FOUND', 'no such announcement');
    const id = m[0];
    // Usually rendered at the call already; on demand otherwise (e.g. after a restart).
    const wav =
      announcer.audio(id) ??
      (
        await announcer.announce({
          lang: m[1] as 'pl',
          ticketNumber: m[2]!,
          counterNumber: Number(m[3]),
        })
      ).wav;
    return reply.type('audio/wav').header('cache-control', 'private, max-age=3600').send(wav);
  });
  app.get('/api/v1/display/config', async (req) => {
    const caller = authorize(auth, req, allowed.displayChannel);
    return { config: settings.displayConfig(caller.subject) ?? defaultDisplayConfig };
  });
  app.put<{ Params: { id: string } }>('/api/v1/devices/:id/display-config', async (req) => {
    authorize(auth, req, allowed.manageBookings);
    const config = parse(DisplayConfig, req.body);
    settings.saveDisplayConfig(`device:${req.params.id}`, config);
    return { config };
  });
}
