import { CreateBookingRequest, PauseCounterRequest, SkrError } from '@skr/protocol';
import type { FastifyInstance } from 'fastify';
import { allowed } from '../auth';
import { authorize } from './authorize';
import type { ApiContext } from './context';
import { parse } from './validate';

/** Parses a counter id from the path; INVALID unless a positive integer. */
export function counterIdOf(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0)
    throw new SkrError('INVALID', `counter id must be a positive integer`);
  return id;
}

/** Matters, counters, the queue, counter control and bookings. */
export async function queueRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { branch, auth } = ctx;
  app.get('/api/v1/services', async (req) => {
    authorize(auth, req, allowed.readQueue);
    return { services: branch.services() };
  });
  app.get('/api/v1/counters', async (req) => {
    authorize(auth, req, allowed.readQueue);
    return { counters: branch.counters() };
  });
  app.get('/api/v1/queue', async (req) => {
    authorize(auth, req, allowed.readQueue);
    return branch.snapshot();
  });
  app.post<{ Params: { id: string; action: string } }>(
    '/api/v1/counters/:id/:action',
    async (req, reply) => {
      const caller = authorize(auth, req, allowed.counterControl);
      const id = counterIdOf(req.params.id);
      const actor = caller.subject;
      switch (req.params.action) {
        case 'open':
          return { counter: branch.openCounter(id, caller.subject.replace(/^user:/, ''), actor) };
        case 'close':
          return { counter: branch.closeCounter(id, actor) };
        case 'pause':
          return {
            counter: branch.pauseCounter(id, parse(PauseCounterRequest, req.body).reason, actor),
          };
        case 'call-next': {
          const ticket = branch.callNext(id, actor);
          return ticket ? { ticket } : reply.status(204).send();
        }
        default:
          throw new SkrError('NOT_FOUND', `no counter action ${req.params.action}`);
      }
    },
  );
  app.post('/api/v1/bookings', async (req, reply) => {
    const caller = authorize(auth, req, allowed.manageBookings);
    const b = parse(CreateBookingRequest, req.body);
    branch.addBooking(b.code, b.serviceId, b.bookedFor, caller.subject);
    return reply.status(201).send({ code: b.code });
  });
  app.get<{ Querystring: { since?: string; limit?: string } }>('/api/v1/events', async (req) => {
    authorize(auth, req, allowed.readQueue);
    const since = Number(req.query.since ?? 0);
    const limit = Math.min(Number(req.query.limit ?? 500), 5000);
    if (!Number.isInteger(since) || since < 0 || !Number.isInteger(limit) || limit < 1) {
      throw new SkrError('INVALID', 'since and limit must be non-negative integers');
    }
    return { events: branch.eventsSince(since, limit) };
  });
}
