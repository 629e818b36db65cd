import { Lang } from '@skr/protocol';
import type { PublicBranchStatus } from '@skr/protocol/public-status';
import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { publicBranchStatus } from '../app/public-status';
import { serve } from './api-route';
import type { ApiContext } from './context';
import { STATUS_CSS, renderStatusPage } from './status-page';

/** A flood of page loads costs one computation per this many ms. */
const CACHE_MS = 5000;

/** Computes the branch's public status at most once per {@link CACHE_MS}. */
export function statusSource(ctx: ApiContext, branchId: string | null) {
  let cached: { at: number; status: PublicBranchStatus } | undefined;
  return (): PublicBranchStatus => {
    const now = ctx.branch.now();
    if (cached && Math.abs(now.getTime() - cached.at) < CACHE_MS) return cached.status;
    const status = publicBranchStatus({
      state: ctx.branch.view(),
      lines: ctx.branch.lines(),
      now,
      branchId,
      slots: (q) => ctx.branch.calendar.slots(q),
      walkInsClosed: new Set(
        ctx.branch.walkIns
          .list()
          .services.filter((c) => c.cut)
          .map((c) => c.serviceId),
      ),
    });
    cached = { at: now.getTime(), status };
    return status;
  };
}

/** The public status (issue 14): JSON in the route table, and a page at /status for people. */
export async function statusRoutes(
  app: FastifyInstance,
  status: () => PublicBranchStatus,
): Promise<void> {
  serve(app, 'publicStatus', branchApi.publicStatus, () => status());
  app.get('/status', (req, reply) => {
    const q = req.query as { lang?: unknown };
    const lang = Lang.safeParse(q.lang).data ?? 'pl';
    return reply.type('text/html; charset=utf-8').send(renderStatusPage(status(), lang));
  });
  app.get('/status.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(STATUS_CSS));
}
