import { NationalStatus, PublicBranchStatus } from '../public-status';
import { BranchParams } from './portal-branch';
import {
  NoContent,
  branchRoute,
  portalRoute,
  type BranchAccess,
  type PortalAccess,
  type RouteDef,
} from './route';

/** The branch's live status for anyone (issue 14): JSON behind the public status page. */
export const publicStatusRoutes = {
  publicStatus: branchRoute({
    method: 'GET',
    path: '/api/v1/public/status',
    tag: 'public',
    summary: 'Per service: people waiting, number now served, estimated wait, next free slot',
    description:
      'Public, no token: only what a waiting-room screen shows plus the next bookable slot; ' +
      'no ticket ids, booking codes, clerks or personal data. Cached for a few seconds.',
    access: 'public',
    responses: { 200: PublicBranchStatus },
  }),
} satisfies Record<string, RouteDef<BranchAccess>>;

/** The portal's side: branches push their status, anyone reads the national list. */
export const portalStatusRoutes = {
  pushStatus: portalRoute({
    method: 'PUT',
    path: '/v1/branches/:branchId/status',
    tag: 'branch',
    summary: "Replaces the branch's public status (latest wins; sent every minute)",
    access: 'branchKey',
    params: BranchParams,
    body: PublicBranchStatus,
    responses: { 204: NoContent },
  }),
  nationalStatus: portalRoute({
    method: 'GET',
    path: '/v1/public/status',
    tag: 'public',
    summary: 'The last status of every branch ("kolejki w placówkach"), with when it arrived',
    access: 'public',
    responses: { 200: NationalStatus },
  }),
} satisfies Record<string, RouteDef<PortalAccess>>;
