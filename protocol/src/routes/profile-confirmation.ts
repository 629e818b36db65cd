import {
  ConfirmProfileRequest,
  ProfileDecisionReceipt,
  RefuseProfileRequest,
  RegistrationLookup,
  RegistrationView,
} from '../profile-confirmation';
import { access } from './roles';
import { branchRoute } from './route';

const portalDown =
  'UNAVAILABLE (503) when the portal cannot be asked: "portal niedostępny — potwierdzenie ' +
  'możliwe po przywróceniu połączenia"; nothing is recorded or queued then.';

/** Profile confirmation at the counter (issue 16): find a registration, confirm or refuse it. */
export const profileConfirmationRoutes = {
  findRegistration: branchRoute({
    method: 'POST',
    path: '/api/v1/profile-confirmations/lookup',
    tag: 'profile-confirmation',
    summary: 'An online registration by PESEL or login, asked of the portal',
    description: `Answers its last day and the days left in the branch's zone. ${portalDown}`,
    access: access.confirmProfile,
    body: RegistrationLookup,
    responses: { 200: RegistrationView },
  }),
  confirmProfile: branchRoute({
    method: 'POST',
    path: '/api/v1/profile-confirmations/confirm',
    tag: 'profile-confirmation',
    summary: 'Confirms a registration against the identity document shown (audited, queued)',
    description:
      'The registration is asked of the portal again; the document is checked (number format ' +
      'per type, valid until today or later) and the 7-day rule applied in the branch zone ' +
      `(CONFLICT with \`details.reason\` \`expired\` or \`already-decided\`). ${portalDown}`,
    access: access.confirmProfile,
    body: ConfirmProfileRequest,
    responses: { 201: ProfileDecisionReceipt },
  }),
  refuseProfile: branchRoute({
    method: 'POST',
    path: '/api/v1/profile-confirmations/refuse',
    tag: 'profile-confirmation',
    summary: 'Refuses a registration with a reason (audited, queued)',
    description: portalDown,
    access: access.confirmProfile,
    body: RefuseProfileRequest,
    responses: { 201: ProfileDecisionReceipt },
  }),
};
