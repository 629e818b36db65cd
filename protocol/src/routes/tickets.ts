import { PublicTicketStatus } from '../display';
import {
  IssueTicketRequest,
  IssuedTicket,
  TicketAction,
  TicketResponse,
  TransferRequest,
} from '../http';
import { IdParams } from './params';
import { access } from './roles';
import { branchRoute, postFamily, type BranchAccess, type RouteDef } from './route';

const ticketPost = postFamily({
  tag: 'tickets',
  access: access.ticketAction,
  params: IdParams,
  responses: { 200: TicketResponse },
});

/** One clerk action on a ticket, `POST /api/v1/tickets/:id/<action>`. */
function ticketAction<A extends TicketAction>(action: A, summary: string) {
  return ticketPost(`/api/v1/tickets/:id/${action}` as `/api/v1/tickets/:id/${A}`, summary);
}

/** Issuing tickets, clerk actions on them, and the public follow-the-line status. */
export const ticketRoutes = {
  issueTicket: branchRoute({
    method: 'POST',
    path: '/api/v1/tickets',
    tag: 'tickets',
    summary: 'Issues a ticket, or checks in a booking (by code or ID card)',
    description:
      'Committed (fsynced) before the answer. One of `serviceId`, `bookingCode`, `bookingPesel` ' +
      'is required. `bookingCode` checks in a cached booking (the visit enters the line at its ' +
      'booked time within the late-arrival window); a second check-in answers 200 with the same ' +
      "ticket. `bookingPesel` (ID card) checks in the holder's booking of today within the " +
      'check-in window, the nearest to now if several, found by a keyed hash (works with the ' +
      'portal down; the PESEL is neither stored nor logged); none → 404. A visit of today ' +
      'past the late-arrival window is not checked in: 409 with details.reason late, the ' +
      'estimated wait of a walk-in ticket and the nearest free slot today (see bookLateArrival).',
    access: access.issueTicket,
    body: IssueTicketRequest,
    responses: { 201: IssuedTicket, 200: IssuedTicket },
  }),
  getTicket: branchRoute({
    method: 'GET',
    path: '/api/v1/tickets/:id',
    tag: 'tickets',
    summary: 'One ticket',
    access: access.ticketAction,
    params: IdParams,
    responses: { 200: TicketResponse },
  }),
  recallTicket: ticketAction(
    'recall',
    'Calls the ticket in hand again; past the recall limit it becomes a no-show',
  ),
  startTicket: ticketAction('start', 'The client arrived: service starts'),
  finishTicket: ticketAction('finish', 'Service finished'),
  noShowTicket: ticketAction('no-show', 'The client did not come'),
  parkTicket: ticketAction('park', 'Parks the ticket (client fetches a document)'),
  returnTicket: ticketAction(
    'return',
    'A parked client is back: front of the line, for the counter that parked it',
  ),
  transferTicket: branchRoute({
    method: 'POST',
    path: '/api/v1/tickets/:id/transfer',
    tag: 'tickets',
    summary: 'Transfers the ticket to another service or counter',
    access: access.ticketAction,
    params: IdParams,
    body: TransferRequest,
    responses: { 200: TicketResponse },
  }),
  cancelTicket: ticketAction('cancel', 'Cancels a waiting or parked ticket'),
  publicTicket: branchRoute({
    method: 'GET',
    path: '/api/v1/public/tickets/:id',
    tag: 'tickets',
    summary: 'Follow-the-line status of one ticket (no personal data)',
    description: 'Public on purpose: the id is unguessable and the answer has no personal data.',
    access: 'public',
    params: IdParams,
    responses: { 200: PublicTicketStatus },
  }),
} satisfies Record<string, RouteDef<BranchAccess>>;
