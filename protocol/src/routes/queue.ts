import { z } from 'zod';
import {
  CountersResponse,
  CreateBookingRequest,
  PauseCounterRequest,
  QueueSnapshot,
  ServicesResponse,
  TicketResponse,
} from '../http';
import { Counter } from '../domain';
import { BranchEvent } from '../socket';
import { CounterIdParams, queryInt } from './params';
import { access } from './roles';
import { NoContent, branchRoute, postFamily } from './route';

/** `{ counter }` after a counter action. */
export const CounterResponse = z.object({ counter: Counter });

/** `GET /api/v1/events` query: after which sequence number, how many (capped at 5000). */
export const EventsQuery = z.object({
  since: queryInt().min(0).default(0),
  limit: queryInt()
    .min(1)
    .default(500)
    .transform((n) => Math.min(n, 5000)),
});

/** The counter control routes share their shape. */
const counterAction = postFamily({
  tag: 'queue',
  access: access.counterControl,
  params: CounterIdParams,
  responses: { 200: CounterResponse },
});

/** Services, counters, the queue, counter control, bookings and the event log. */
export const queueRoutes = {
  listServices: branchRoute({
    method: 'GET',
    path: '/api/v1/services',
    tag: 'queue',
    summary: 'Active services',
    access: access.readQueue,
    responses: { 200: ServicesResponse },
  }),
  listCounters: branchRoute({
    method: 'GET',
    path: '/api/v1/counters',
    tag: 'queue',
    summary: 'Counters and their state',
    access: access.readQueue,
    responses: { 200: CountersResponse },
  }),
  queueSnapshot: branchRoute({
    method: 'GET',
    path: '/api/v1/queue',
    tag: 'queue',
    summary: 'The queue now (as the sockets send it on connect)',
    access: access.readQueue,
    responses: { 200: QueueSnapshot },
  }),
  openCounter: counterAction('/api/v1/counters/:id/open', 'The signed-in clerk opens the counter'),
  closeCounter: counterAction(
    '/api/v1/counters/:id/close',
    'Closes the counter (409 while a ticket is in hand)',
  ),
  pauseCounter: branchRoute({
    method: 'POST',
    path: '/api/v1/counters/:id/pause',
    tag: 'queue',
    summary: 'A break with a reason',
    access: access.counterControl,
    params: CounterIdParams,
    body: PauseCounterRequest,
    responses: { 200: CounterResponse },
  }),
  callNext: branchRoute({
    method: 'POST',
    path: '/api/v1/counters/:id/call-next',
    tag: 'queue',
    summary: 'Finishes the ticket in hand and calls the next one (204: nobody waits)',
    description: '409 while a ticket is still only called at this counter.',
    access: access.counterControl,
    params: CounterIdParams,
    responses: { 200: TicketResponse, 204: NoContent },
  }),
  createBooking: branchRoute({
    method: 'POST',
    path: '/api/v1/bookings',
    tag: 'queue',
    summary: 'Caches a booking (the portal sync writes these itself)',
    access: access.manageBookings,
    body: CreateBookingRequest,
    responses: { 201: z.object({ code: z.string() }) },
  }),
  listEvents: branchRoute({
    method: 'GET',
    path: '/api/v1/events',
    tag: 'queue',
    summary: 'The event log after a sequence number',
    access: access.readQueue,
    query: EventsQuery,
    responses: { 200: z.object({ events: z.array(BranchEvent) }) },
  }),
};
