import { PortalCalendar, PortalCalendarReceipt, SlotsQuery, SlotsResponse } from '../calendar';
import { BranchParams } from './portal-branch';
import { portalRoute } from './route';

/** The calendars branches publish to the portal, and the portal's free slots (issue 14). */
export const portalCalendarRoutes = {
  publishCalendar: portalRoute({
    method: 'PUT',
    path: '/v1/branches/:branchId/calendar',
    tag: 'branch',
    summary: "Publishes the portal's share of the branch's slots (replaces the days sent)",
    description:
      'Escrow: the portal books only into these places and the branch never books them. A ' +
      'version not above the last applied one is ignored (applied: false). The receipt lists ' +
      'slots where online clients found no place since the last publication; the branch may ' +
      'hand over spare places and publish again.',
    access: 'branchKey',
    params: BranchParams,
    body: PortalCalendar,
    responses: { 200: PortalCalendarReceipt },
  }),
  portalSlots: portalRoute({
    method: 'GET',
    path: '/v1/branches/:branchId/calendar/slots',
    tag: 'client',
    summary: 'Slots of one service the portal can still book at this branch',
    description:
      'Only for branches that publish a calendar (404 otherwise). `capacity` and `free` count ' +
      "the portal's share; the branch books the rest at the kiosk and the desk.",
    access: 'public',
    params: BranchParams,
    query: SlotsQuery,
    responses: { 200: SlotsResponse },
  }),
};
