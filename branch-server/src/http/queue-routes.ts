import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { isPublicRole, publicCounter, publicEvent } from '../app';
import type { CounterCaller } from '../domain';
import { serve } from './api-route';
import type { ApiContext } from './context';
import { publicSnapshotCache } from './snapshot-cache';

/** Services, counters, the queue, counter control and bookings. */
export async function queueRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { branch } = ctx;
  // Who acts at a counter, for the ownership rule (clerks) and the step-in audit (managers).
  const counterCaller = (caller: { principal: string; subject: string }): CounterCaller => {
    const username = caller.subject.replace(/^user:/, '');
    if (caller.principal === 'clerk') return { role: 'clerk', username };
    if (caller.principal === 'manager' || caller.principal === 'admin')
      return { role: caller.principal, username };
    return { role: 'system' };
  };
  serve(app, 'listServices', branchApi.listServices, () => ({ services: branch.services() }));
  // Screens, kiosks and boards get the waiting-room view (no booking codes, clerks, reasons).
  serve(app, 'listCounters', branchApi.listCounters, (_req, _reply, caller) => {
    const counters = branch.counters();
    return { counters: isPublicRole(caller.principal) ? counters.map(publicCounter) : counters };
  });
  // Screens poll together: one public snapshot per event seq for them all (snapshot-cache.ts).
  const publicSnap = publicSnapshotCache(branch);
  serve(app, 'queueSnapshot', branchApi.queueSnapshot, (_req, _reply, caller) =>
    isPublicRole(caller.principal) ? publicSnap() : branch.snapshot(),
  );
  serve(app, 'openCounter', branchApi.openCounter, (req, _reply, caller) => ({
    counter: branch.openCounter(
      req.params.id,
      caller.subject.replace(/^user:/, ''),
      caller.subject,
      counterCaller(caller),
    ),
  }));
  serve(app, 'closeCounter', branchApi.closeCounter, (req, _reply, caller) => ({
    counter: branch.closeCounter(req.params.id, caller.subject, counterCaller(caller)),
  }));
  serve(app, 'pauseCounter', branchApi.pauseCounter, (req, _reply, caller) => ({
    counter: branch.pauseCounter(
      req.params.id,
      req.body.reason,
      caller.subject,
      counterCaller(caller),
    ),
  }));
  serve(app, 'callNext', branchApi.callNext, (req, reply, caller) => {
    const ticket = branch.callNext(req.params.id, caller.subject, counterCaller(caller));
    return ticket ? { ticket } : reply.status(204).send();
  });
  serve(app, 'createBooking', branchApi.createBooking, (req, reply, caller) => {
    const b = req.body;
    branch.addBooking(b.code, b.serviceId, b.bookedFor, caller.subject);
    return reply.status(201).send({ code: b.code });
  });
  serve(app, 'listEvents', branchApi.listEvents, (req, _reply, caller) => {
    const events = branch.eventsSince(req.query.since, req.query.limit);
    return { events: isPublicRole(caller.principal) ? events.map(publicEvent) : events };
  });
}
