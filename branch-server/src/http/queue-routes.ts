import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { serve } from './api-route';
import type { ApiContext } from './context';

/** Matters, counters, the queue, counter control and bookings. */
export async function queueRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { branch } = ctx;
  serve(app, 'listServices', branchApi.listServices, () => ({ services: branch.services() }));
  serve(app, 'listCounters', branchApi.listCounters, () => ({ counters: branch.counters() }));
  serve(app, 'queueSnapshot', branchApi.queueSnapshot, () => branch.snapshot());
  serve(app, 'openCounter', branchApi.openCounter, (req, _reply, caller) => ({
    counter: branch.openCounter(
      req.params.id,
      caller.subject.replace(/^user:/, ''),
      caller.subject,
    ),
  }));
  serve(app, 'closeCounter', branchApi.closeCounter, (req, _reply, caller) => ({
    counter: branch.closeCounter(req.params.id, caller.subject),
  }));
  serve(app, 'pauseCounter', branchApi.pauseCounter, (req, _reply, caller) => ({
    counter: branch.pauseCounter(req.params.id, req.body.reason, caller.subject),
  }));
  serve(app, 'callNext', branchApi.callNext, (req, reply, caller) => {
    const ticket = branch.callNext(req.params.id, caller.subject);
    return ticket ? { ticket } : reply.status(204).send();
  });
  serve(app, 'createBooking', branchApi.createBooking, (req, reply, caller) => {
    const b = req.body;
    branch.addBooking(b.code, b.serviceId, b.bookedFor, caller.subject);
    return reply.status(201).send({ code: b.code });
  });
  serve(app, 'listEvents', branchApi.listEvents, (req) => ({
    events: branch.eventsSince(req.query.since, req.query.limit),
  }));
}
