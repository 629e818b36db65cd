import { MonitorSnapshot, StatsQuery, StatsReport } from '../manager';
import { access } from './roles';
import { branchRoute } from './route';

/** The manager's live monitor and statistics (manager and admin). */
export const managerRoutes = {
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
