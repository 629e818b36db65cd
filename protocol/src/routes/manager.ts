import { z } from 'zod';
import { MonitorSnapshot, StatsQuery, StatsReport } from '../manager';
import { access } from './roles';
import { branchRoute } from './route';

/** What ending the branch day did: counters closed, leftovers resolved, booked visits left. */
export const EndDayResponse = z.object({
  closedCounters: z.number().int(),
  resolvedTickets: z.number().int(),
  bookedLeftovers: z.array(z.string()),
  /** Booked visits of the day that never checked in: reported to the portal as no-shows. */
  missedBookings: z.array(z.string()).default([]),
});

/** The manager's live monitor and statistics (manager and admin). */
export const managerRoutes = {
  endDay: branchRoute({
    method: 'POST',
    path: '/api/v1/manager/end-day',
    tag: 'manager',
    summary:
      'Ends the branch day now: closes every counter, resolves every leftover ticket (served → done; called, waiting or parked → expired by system:end-of-day; booked visits that never checked in reported to the portal as no-shows)',
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
