import {
  BookVisitRequest,
  BookVisitResponse,
  CalendarDayQuery,
  CalendarDayResponse,
  CalendarPlanResponse,
  CancelVisitRequest,
  CancelVisitResponse,
  FindVisitRequest,
  FindVisitResponse,
  RebookVisitRequest,
  RebookVisitResponse,
  VisitCodeParams,
  PutCalendarPlanRequest,
  PutCalendarPlanResponse,
  SlotsQuery,
  SlotsResponse,
} from '../calendar';
import { LateArrivalBookRequest, LateArrivalBookResponse } from '../late-arrival';
import { access } from './roles';
import { branchRoute, type BranchAccess, type RouteDef } from './route';

/** The branch calendar (issue 14): the manager's plan, free slots, booking at the branch. */
export const calendarRoutes = {
  getCalendarPlan: branchRoute({
    method: 'GET',
    path: '/api/v1/manager/calendar/plan',
    tag: 'calendar',
    summary: 'The weekly plan of booked visits, its exceptions, shares and booking rules',
    access: access.manageBookings,
    responses: { 200: CalendarPlanResponse },
  }),
  putCalendarPlan: branchRoute({
    method: 'PUT',
    path: '/api/v1/manager/calendar/plan',
    tag: 'calendar',
    summary: 'Replaces the plan; 409 reason "stranded" lists visits it would leave without a place',
    description:
      'Send acceptStranded: true after showing the list to apply it anyway; the answer lists ' +
      'the stranded visits so that their clients can be told.',
    access: access.manageBookings,
    body: PutCalendarPlanRequest,
    responses: { 200: PutCalendarPlanResponse },
  }),
  getCalendarDay: branchRoute({
    method: 'GET',
    path: '/api/v1/manager/calendar/day',
    tag: 'calendar',
    summary: "One local day's slots: counters by holder, each service's capacity and booked visits",
    access: access.manageBookings,
    query: CalendarDayQuery,
    responses: { 200: CalendarDayResponse },
  }),
  listCalendarSlots: branchRoute({
    method: 'GET',
    path: '/api/v1/calendar/slots',
    tag: 'calendar',
    summary: 'Slots of one service the branch can still book, with capacity and free places',
    access: access.issueTicket,
    query: SlotsQuery,
    responses: { 200: SlotsResponse },
  }),
  bookVisit: branchRoute({
    method: 'POST',
    path: '/api/v1/calendar/visits',
    tag: 'calendar',
    summary: 'Books a visit at the kiosk, the desk or by the manager',
    description:
      '409 CONFLICT with details.reason: closed, too-late, daily-limit, gap or full. The ' +
      'channel is the caller: kiosk, clerk (desk) or manager.',
    access: access.issueTicket,
    body: BookVisitRequest,
    responses: { 201: BookVisitResponse },
  }),
  findVisit: branchRoute({
    method: 'POST',
    path: '/api/v1/calendar/visits/:code/find',
    tag: 'calendar',
    summary: 'Shows a visit booked at the branch before it is cancelled or moved',
    description:
      'POST so that the PESEL never sits in a URL. The same proof and answers as cancel: 400 ' +
      'without a PESEL (kiosk, desk), 404 for an unknown code or a wrong PESEL alike, 409 ' +
      'portal-visit for a visit booked online.',
    access: access.issueTicket,
    params: VisitCodeParams,
    body: FindVisitRequest,
    responses: { 200: FindVisitResponse },
  }),
  cancelVisit: branchRoute({
    method: 'POST',
    path: '/api/v1/calendar/visits/:code/cancel',
    tag: 'calendar',
    summary: 'Cancels a visit booked at the branch; its place is free again at once',
    description:
      "The kiosk and the desk send the client's PESEL with the code (400 without it; a wrong " +
      'PESEL is 404 like an unknown code); the manager may omit it. 409 CONFLICT with ' +
      'details.reason: past (the visit has started) or portal-visit (booked online: cancelled ' +
      "in eZUS or by phone). The client's contact gets a cancellation notice, no reminder.",
    access: access.issueTicket,
    params: VisitCodeParams,
    body: CancelVisitRequest,
    responses: { 200: CancelVisitResponse },
  }),
  rebookVisit: branchRoute({
    method: 'POST',
    path: '/api/v1/calendar/visits/:code/rebook',
    tag: 'calendar',
    summary: 'Moves a visit booked at the branch to another slot (and service) in one step',
    description:
      'The old visit is cancelled and a new one (new code) booked under the same rules as a ' +
      'booking; the old visit neither counts against the daily limit nor holds its place. On ' +
      'any refusal (409 with details.reason closed, too-late, daily-limit, gap, full, past or ' +
      'portal-visit) the old visit stays as it was. PESEL as for cancel.',
    access: access.issueTicket,
    params: VisitCodeParams,
    body: RebookVisitRequest,
    responses: { 200: RebookVisitResponse },
  }),
  bookLateArrival: branchRoute({
    method: 'POST',
    path: '/api/v1/calendar/late-arrivals',
    tag: 'calendar',
    summary: 'Books a client who came past the late-arrival window at a free slot today',
    description:
      'The answer to a check-in refused with 409 reason late (its details offer a walk-in ' +
      'ticket and the nearest slot today). The missed visit is named by its code or found by ' +
      "the ID card's PESEL as at check-in (404 when there is no missed visit of today; 409 when " +
      'it can still be checked in). The new visit (new code) is booked under the booking rules ' +
      'with the missed one left out of them; the missed visit stays booked, so the end of the ' +
      'day records it as a no-show. `start` must be today (400 otherwise).',
    access: access.issueTicket,
    body: LateArrivalBookRequest,
    responses: { 201: LateArrivalBookResponse },
  }),
} satisfies Record<string, RouteDef<BranchAccess>>;
