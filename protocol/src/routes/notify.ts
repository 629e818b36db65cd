import {
  BookingCodeParams,
  ContactAccepted,
  NotifyContact,
  NotifyStatsResponse,
  WithdrawContactQuery,
} from '../notify';
import { IdParams } from './params';
import { access } from './roles';
import { NoContent, branchRoute, type BranchAccess, type RouteDef } from './route';

/** Client notifications: contacts for a visit (follow page, desk) and the manager's counts. */
export const notifyRoutes = {
  putTicketContact: branchRoute({
    method: 'PUT',
    path: '/api/v1/public/tickets/:id/contact',
    tag: 'notifications',
    summary: 'Leaves a phone or e-mail to hear when the turn is near and when called',
    description:
      'Public like the follow page: the ticket id is the capability. The contact is kept only ' +
      'until the visit ends or its day passes, is never shown or logged, and is not echoed. ' +
      '503 UNAVAILABLE when the channel is not configured at this branch.',
    access: 'public',
    params: IdParams,
    body: NotifyContact,
    responses: { 200: ContactAccepted },
  }),
  deleteTicketContact: branchRoute({
    method: 'DELETE',
    path: '/api/v1/public/tickets/:id/contact',
    tag: 'notifications',
    summary: 'Withdraws the contact (one channel or both); pending messages are dropped',
    access: 'public',
    params: IdParams,
    query: WithdrawContactQuery,
    responses: { 204: NoContent },
  }),
  putBookingContact: branchRoute({
    method: 'PUT',
    path: '/api/v1/bookings/:code/contact',
    tag: 'notifications',
    summary: "Sends a booking's confirmation (with .ics by e-mail) and schedules its reminder",
    description:
      'For bookings made at the branch. The reminder goes the day before at the configured ' +
      'hour, outside quiet hours, and never for a booking cancelled or checked in meanwhile.',
    // The kiosk, the desk and the manager all book at the branch.
    access: access.issueTicket,
    params: BookingCodeParams,
    body: NotifyContact,
    responses: { 200: ContactAccepted },
  }),
  notifyStats: branchRoute({
    method: 'GET',
    path: '/api/v1/manager/notifications',
    tag: 'manager',
    summary: 'Notifications sent, failed, pending and dropped; each channel’s state',
    access: access.monitor,
    responses: { 200: NotifyStatsResponse },
  }),
} satisfies Record<string, RouteDef<BranchAccess>>;
