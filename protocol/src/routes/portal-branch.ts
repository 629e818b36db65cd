import { z } from 'zod';
import { PueDailyStats, PueReportReceipt, PueVisitOutcome } from '../branch-pue';
import {
  PueBooking,
  PueBookingChanges,
  PueBookingChangesQuery,
  PueDocumentSubmission,
  PueIdempotencyKey,
  PueUpp,
} from '../pue';
import { portalRoute } from './route';

/** The branch in the path (its key goes in `x-branch-key`). */
export const BranchParams = z.object({ branchId: z.string().min(1).max(64) });

/** A delivery from the branch outbox: idempotent per (branch, key). */
export const IdempotencyHeader = z
  .object({ 'idempotency-key': PueIdempotencyKey.describe('same key again: same answer') })
  .loose();

const idempotent =
  'Idempotent per (branch, idempotency-key): the same key again answers the same receipt ' +
  '(200) and stores nothing twice; the same key with a different body is CONFLICT.';

/** What a branch server calls, authenticated by its static key in `x-branch-key`. */
export const portalBranchRoutes = {
  bookingChanges: portalRoute({
    method: 'GET',
    path: '/v1/branches/:branchId/bookings',
    tag: 'branch',
    summary: 'Bookings of the branch changed after the cursor (new, cancelled, rebooked)',
    description:
      'Each item is the booking as it is now. Store `cursor` and pass it as `since`; while ' +
      '`hasMore` is true, ask again at once. The cursor is a monotonic change sequence.',
    access: 'branchKey',
    params: BranchParams,
    query: PueBookingChangesQuery,
    responses: { 200: PueBookingChanges },
  }),
  bookingByCode: portalRoute({
    method: 'GET',
    path: '/v1/branches/:branchId/bookings/by-code/:code',
    tag: 'branch',
    summary: 'A booking of the branch by its confirmation code (check-in while online)',
    access: 'branchKey',
    params: BranchParams.extend({ code: z.string().regex(/^[A-Za-z0-9]{6}$/) }),
    responses: { 200: PueBooking },
  }),
  submitDocument: portalRoute({
    method: 'POST',
    path: '/v1/branches/:branchId/documents',
    tag: 'branch',
    summary: 'Take in a document; answers its UPP',
    description: idempotent,
    access: 'branchKey',
    params: BranchParams,
    headers: IdempotencyHeader,
    body: PueDocumentSubmission,
    responses: { 201: PueUpp, 200: PueUpp },
  }),
  visitOutcome: portalRoute({
    method: 'POST',
    path: '/v1/branches/:branchId/visit-outcomes',
    tag: 'branch',
    summary: 'What became of a booked visit (served or no-show), sent once per ticket',
    description: idempotent,
    access: 'branchKey',
    params: BranchParams,
    headers: IdempotencyHeader,
    body: PueVisitOutcome,
    responses: { 201: PueReportReceipt, 200: PueReportReceipt },
  }),
  dailyStats: portalRoute({
    method: 'POST',
    path: '/v1/branches/:branchId/daily-stats',
    tag: 'branch',
    summary: "A closed day's numbers per service, sent once per day",
    description: idempotent,
    access: 'branchKey',
    params: BranchParams,
    headers: IdempotencyHeader,
    body: PueDailyStats,
    responses: { 201: PueReportReceipt, 200: PueReportReceipt },
  }),
};
