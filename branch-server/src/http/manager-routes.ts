import { SkrError } from '@skr/protocol';
import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'socket.io';
import { monitorSnapshot } from '../stats/monitor';
import { serve } from './api-route';
import type { ApiContext } from './context';

/** Token subjects with a socket connected now, over every namespace. */
function connectedSubjects(io: Server | undefined): Set<string> {
  const out = new Set<string>();
  if (!io) return out;
  for (const ns of ['/display', '/counter', '/kiosk']) {
    for (const s of io.of(ns).sockets.values()) {
      const subject = (s.data as { caller?: { subject?: string } }).caller?.subject;
      if (subject) out.add(subject);
    }
  }
  return out;
}

/** The manager's live monitor and statistics (manager and admin). */
export async function managerRoutes(
  app: FastifyInstance,
  ctx: ApiContext & { io: () => Server | undefined },
): Promise<void> {
  const { branch, auth } = ctx;
  serve(app, 'monitor', branchApi.monitor, () =>
    monitorSnapshot(branch, {
      devices: () => auth.devices(),
      connected: () => connectedSubjects(ctx.io()),
    }),
  );
  serve(app, 'endDay', branchApi.endDay, (_req, _reply, caller) => branch.endDay(caller.subject));
  serve(app, 'stats', branchApi.stats, (req) => {
    const q = req.query;
    if (Number.isNaN(Date.parse(`${q.date}T00:00:00Z`)))
      throw new SkrError('INVALID', `no such date ${q.date}`);
    return branch.statsReport({ period: q.period, date: q.date });
  });
}
