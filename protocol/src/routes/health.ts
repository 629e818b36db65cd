import { HealthResponse } from '../http';
import { branchRoute } from './route';

/** Liveness. */
export const healthRoutes = {
  health: branchRoute({
    method: 'GET',
    path: '/api/v1/health',
    tag: 'health',
    summary: 'Liveness, version and the last event sequence number',
    access: 'public',
    responses: { 200: HealthResponse },
  }),
};
