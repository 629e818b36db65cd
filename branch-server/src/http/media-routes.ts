import { SkrError, defaultDisplayConfig } from '@skr/protocol';
import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import type { Announcer } from '../announcer';
import { callAnnouncement, callExists } from '../app';
import { serve } from './api-route';
import type { ApiContext } from './context';

/** `{lang}-{ticket}-{counterId}`, and `…-short` for the burst form of the same call. */
const AUDIO_ID = /^(pl|en|uk)-([A-Z]\d{3,4})-(\d{1,3})(-short)?$/;

/** Announcement audio for the screens, and each screen's configuration. */
export async function mediaRoutes(
  app: FastifyInstance,
  ctx: ApiContext & { announcer?: Announcer },
): Promise<void> {
  const { announcer } = ctx;
  serve(app, 'chime', branchApi.chime, (_req, reply) => {
    if (!announcer) throw new SkrError('UNAVAILABLE', 'announcements are off');
    return reply
      .type('audio/wav')
      .header('cache-control', 'private, max-age=86400')
      .send(announcer.chime());
  });
  serve(app, 'announcement', branchApi.announcement, async (req, reply) => {
    if (!announcer) throw new SkrError('UNAVAILABLE', 'announcements are off');
    const m = AUDIO_ID.exec(req.params.id.replace(/\.wav$/, ''));
    if (!m) throw new SkrError('NOT_FOUND', 'no such announcement');
    const id = m[0];
    // Usually rendered at the call already; on demand otherwise (e.g. after a restart), but
    // only for a call that exists: made-up ids would fill the segment cache on disk.
    let wav = announcer.audio(id);
    if (!wav) {
      const counter = ctx.branch.view().counters.get(Number(m[3]));
      if (!counter || !callExists(ctx.branch.view(), m[2]!, counter.id))
        throw new SkrError('NOT_FOUND', 'no such announcement');
      const call = callAnnouncement(counter, m[2]!, m[1] as 'pl');
      wav = (await announcer.announce({ ...call, short: m[4] !== undefined })).wav;
    }
    return reply.type('audio/wav').header('cache-control', 'private, max-age=3600').send(wav);
  });
  serve(app, 'displayConfig', branchApi.displayConfig, (_req, _reply, caller) => ({
    config: ctx.branch.displayConfig(caller.subject) ?? defaultDisplayConfig,
  }));
  // What a public screen shows is audited whoever changes it, and an unknown screen is refused.
  serve(app, 'setDisplayConfig', branchApi.setDisplayConfig, (req, _reply, caller) => {
    ctx.branch.admin.saveDisplayConfig(req.params.id, req.body, caller.subject);
    return { config: req.body };
  });
}
