import { z } from 'zod';
import {
  ReopenWalkInsRequest,
  WalkInCutoff,
  WalkInCutoffList,
  WalkInPoolRequest,
} from '../walk-in-cutoff';
import { access } from './roles';
import { branchRoute, type BranchAccess, type RouteDef } from './route';

/** A service's id in the path. */
const ServiceIdParams = z.object({ serviceId: z.string() });

/** Walk-ins when the day is full (issue 14): the manager's view and override. */
export const walkInCutoffRoutes = {
  listWalkInCutoffs: branchRoute({
    method: 'GET',
    path: '/api/v1/manager/walk-in-cutoffs',
    tag: 'manager',
    summary: "Per service: when a walk-in issued now would be called, and whether it's cut off",
    description:
      'A service is cut off for walk-ins when the predicted call passes its closing time or ' +
      'its daily walk-in pool is used up, unless the manager reopened it for today. The kiosk ' +
      'then gets 409 with `details.reason` `walk-in-cutoff` and the nearest bookable slot.',
    access: access.monitor,
    responses: { 200: WalkInCutoffList },
  }),
  reopenWalkIns: branchRoute({
    method: 'POST',
    path: '/api/v1/manager/walk-in-cutoffs/:serviceId/reopen',
    tag: 'manager',
    summary: 'Opens a cut-off service again for walk-ins today (audited); open:false withdraws',
    access: access.monitor,
    params: ServiceIdParams,
    body: ReopenWalkInsRequest,
    responses: { 200: WalkInCutoff },
  }),
  setWalkInPool: branchRoute({
    method: 'PUT',
    path: '/api/v1/manager/walk-in-cutoffs/:serviceId/pool',
    tag: 'manager',
    summary: "A service's daily walk-in pool (audited); null removes it",
    access: access.monitor,
    params: ServiceIdParams,
    body: WalkInPoolRequest,
    responses: { 200: WalkInCutoff },
  }),
} satisfies Record<string, RouteDef<BranchAccess>>;
