import { PueProfile } from '@skr/protocol';
import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { isOpen } from '../domain/opening-hours';
import { documentForms } from '../sync';
import { serve } from './api-route';
import { pueSession, type PortalRouteContext } from './pue-routes';

/** 10 MB of content as base64 plus the JSON around it. */
const DOCUMENT_BODY_LIMIT = 15 * 1024 * 1024;

/**
 * Document drop-off at the kiosk: the catalogue of forms, intake (durable and queued for the
 * portal before the answer, portal up or down) and the document's delivery state.
 */
export async function documentRoutes(app: FastifyInstance, ctx: PortalRouteContext): Promise<void> {
  const { sync } = ctx;

  serve(app, 'documentForms', branchApi.documentForms, () => ({ forms: [...documentForms] }));
  serve(
    app,
    'submitDocument',
    branchApi.submitDocument,
    async (req, reply) => {
      // A signed-in client is who the portal says; without login, the PESEL they chose to give.
      const pesel = (await submitterPesel(pueSession(req))) ?? req.body.submitter?.pesel ?? null;
      return reply.status(201).send(sync.submitDocument(req.body, pesel));
    },
    { bodyLimit: DOCUMENT_BODY_LIMIT },
  );
  serve(app, 'documentStatus', branchApi.documentStatus, (req) =>
    sync.documentStatus(req.params.id),
  );
  serve(app, 'documentByReceipt', branchApi.documentByReceipt, (req) =>
    sync.documentByReceipt(req.body.receiptNo, req.body.code),
  );
  // After hours the kiosk takes documents but hides tickets: it asks whether any counter
  // service is within its hours now (the same rule the ticket intake applies), and not cut off
  // because the branch day has ended (as the walk-in gate refuses it then).
  serve(app, 'branchOpening', branchApi.branchOpening, () => {
    const state = ctx.branch.view();
    const at = ctx.branch.now();
    const timeZone = state.settings.timeZone;
    const ended = new Set(
      ctx.branch.walkIns
        .list()
        .services.filter((c) => c.cut && c.reason === 'ended')
        .map((c) => c.serviceId),
    );
    const open = [...state.services.values()].some(
      (s) => s.active && !ended.has(s.id) && isOpen(state.hours.get(s.id), at, timeZone),
    );
    // The kiosk offers "Powiadom mnie" only for a channel the branch can send by.
    const notifyChannels = [...(ctx.notifyChannels?.() ?? [])];
    return { open, timeZone, at: at.toISOString(), notifyChannels };
  });

  /**
   * Whose document it is, asked of the portal with the client's session. A drop-off must work
   * with the portal down (a letter box does): then the PESEL the branch remembers from the
   * client's sign-in through it stands in; failing that, the document goes anonymous.
   */
  async function submitterPesel(session: string | undefined): Promise<string | null> {
    if (!session) return null;
    if (!sync.portal) return sync.submitters.lookup(session);
    try {
      const res = await sync.portal.call({
        method: 'GET',
        path: '/v1/me',
        session,
        timeoutMs: 2000,
      });
      return PueProfile.parse(res.body).pesel;
    } catch (err) {
      const code = (err as { code?: string }).code;
      // The portal refused the session: it is over, whatever the branch remembers.
      if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') {
        sync.submitters.forget(session);
        return null;
      }
      const remembered = sync.submitters.lookup(session);
      if (!remembered) app.log.info({ code }, 'document taken without submitter');
      return remembered;
    }
  }
}
