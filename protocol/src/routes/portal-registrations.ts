import {
  PueRegistration,
  PueRegistrationDecision,
  PueRegistrationDecisionReceipt,
  RegistrationLookup,
} from '../profile-confirmation';
import { BranchParams, IdempotencyHeader } from './portal-branch';
import { portalRoute } from './route';

/** Online registrations a branch confirms at the counter (issue 16), with the branch's key. */
export const portalRegistrationRoutes = {
  findRegistration: portalRoute({
    method: 'POST',
    path: '/v1/branches/:branchId/registrations/lookup',
    tag: 'branch',
    summary: 'An online registration by PESEL, login or id (the newest one of that person)',
    description:
      'A POST so that the PESEL travels in the body, never in a URL that ends up in logs. ' +
      '`status` is `expired` for a pending registration past its last day (7 days).',
    access: 'branchKey',
    params: BranchParams,
    body: RegistrationLookup,
    responses: { 200: PueRegistration },
  }),
  decideRegistration: portalRoute({
    method: 'POST',
    path: '/v1/branches/:branchId/registrations/decisions',
    tag: 'branch',
    summary: "A clerk's confirmation or refusal of a registration, sent from the branch outbox",
    description:
      'Idempotent per (branch, idempotency-key), the key being the branch’s confirmation id: ' +
      'the same key again answers the same receipt (200). CONFLICT (409, `details.reason`) ' +
      'when the registration was already decided (`already-decided`) or `decidedAt` is past ' +
      'its last day (`expired`); confirming activates the profile (password login works).',
    access: 'branchKey',
    params: BranchParams,
    headers: IdempotencyHeader,
    body: PueRegistrationDecision,
    responses: { 201: PueRegistrationDecisionReceipt, 200: PueRegistrationDecisionReceipt },
  }),
};
