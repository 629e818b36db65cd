import { z } from 'zod';
import { MonitorSnapshot, StatsQuery, StatsReport } from '../manager';
import { access } from './roles';
import { branchRoute } from './route';

/** What ending the branch day did: counters closed, leftovers resolved, booked visits left. */
export const EndDayResponse = z.object({
  closedCounters: z.number().int(),
  resolvedTickets: z.number().int(),
  bookedLeftovers: z.array(z.string()),
});

/** The manager's live monitor and statistics (manager and admin). */
export const managerRoutes = {
  endDay: branchRoute({
    method: 'POST',
    path: '/api/v1/manager/end-day',
    tag: 'manager',
    summary:
      'Ends the branch day now: closes every counter, resolves every leftover ticket (served → done, called → no-show, waiting/parked → cancelled by system:end-of-day; booked visits listed)',
    access: access.monitor,
    responses: { 200: EndDayResponse },
  }),
  monitor: branchRoute({
    method: 'GET',
    path: '/api/v1/manager/monitor',
    tag: 'manager',
    summary: 'Lines, counters, devices and alerts now',
    access: access.monitor,
    responses: { 200: MonitorSnapshot },
  }),
  stats: branchRoute({
    method: 'GET',
    path: '/api/v1/manager/stats',
    tag: 'manager',
    summary: 'Statistics of a day, week or month',
    access: access.monitor,
    query: StatsQuery,
    responses: { 200: StatsReport },
  }),
};
