import { SyncStatus } from '../branch-pue';
import { access } from './roles';
import { branchRoute } from './route';

/** The manager's view of the portal sync. */
export const syncRoutes = {
  syncStatus: branchRoute({
    method: 'GET',
    path: '/api/v1/sync/status',
    tag: 'sync',
    summary: 'Outbox backlog and bookings pull state',
    access: access.manageBookings,
    responses: { 200: SyncStatus },
  }),
};
