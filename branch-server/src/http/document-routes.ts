import { PueProfile, SubmitDocumentRequest, type Principal } from '@skr/protocol';
import type { FastifyInstance } from 'fastify';
import { allowed } from '../auth';
import { documentForms } from '../sync';
import { authorize } from './authorize';
import { pueSession, type PortalRouteContext } from './pue-routes';
import { parse } from './validate';

/** 10 MB of content as base64 plus the JSON around it. */
const DOCUMENT_BODY_LIMIT = 15 * 1024 * 1024;
const readDocument: readonly Principal[] = ['kiosk', 'manager', 'admin'];

/**
 * Document drop-off at the kiosk: the catalogue of forms, intake (durable and queued for the
 * portal before the answer, portal up or down) and the document's delivery state.
 */
export async function documentRoutes(app: FastifyInstance, ctx: PortalRouteContext): Promise<void> {
  const { auth, sync } = ctx;

  app.get('/api/v1/document-forms', async (req) => {
    authorize(auth, req, allowed.readQueue);
    return { forms: documentForms };
  });

  app.post('/api/v1/documents', { bodyLimit: DOCUMENT_BODY_LIMIT }, async (req, reply) => {
    authorize(auth, req, allowed.kioskChannel);
    const body = parse(SubmitDocumentRequest, req.body);
    const pesel = await submitterPesel(pueSession(req));
    return reply.status(201).send(sync.submitDocument(body, pesel));
  });

  app.get<{ Params: { id: string } }>('/api/v1/documents/:id', async (req) => {
    authorize(auth, req, readDocument);
    return sync.documentStatus(req.params.id);
  });

  /**
   * Whose document it is, asked of the portal with the client's session. A drop-off must work
   * with the portal down (a letter box does), so any failure leaves the document anonymous.
   */
  async function submitterPesel(session: string | undefined): Promise<string | null> {
    if (!session || !sync.portal) return null;
    try {
      const res = await sync.portal.call({
        method: 'GET',
        path: '/v1/me',
        session,
        timeoutMs: 2000,
      });
      return PueProfile.parse(res.body).pesel;
    } catch (err) {
      app.log.info({ code: (err as { code?: string }).code }, 'document taken without submitter');
      return null;
    }
  }
}
