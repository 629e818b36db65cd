import { portalAuthRoutes as auth } from './portal-auth';
import { portalClientRoutes as client } from './portal-client';
import { PueSessionHeader, proxyRoute } from './proxy-route';

export { PueSessionHeader } from './proxy-route';

/**
 * The kiosk's portal calls, passed 1:1 to the portal (kiosk token + `x-pue-session`). Portal
 * unreachable or 5xx → 503 UNAVAILABLE; the portal's 4xx keep their code.
 */
export const pueProxyRoutes = {
  puePasswordLogin: proxyRoute(
    auth.passwordLogin,
    'Portal password login, step 1 (a code is sent)',
    {
      description:
        'Refused logins (here, at the code step and by ID card) are limited before the portal ' +
        'is asked: 5 a minute per kiosk, 30 for the branch; then 429 RATE_LIMITED.',
    },
  ),
  puePasswordVerify: proxyRoute(
    auth.passwordVerify,
    'Portal password login, step 2 (the code opens a session)',
  ),
  pueCardChallenge: proxyRoute(auth.cardChallenge, 'Portal ID-card login, step 1: the challenge'),
  pueCardLogin: proxyRoute(auth.cardLogin, 'Portal ID-card login, step 2: the signed challenge'),
  // Logging out needs no session at the portal, but it ends the one it is given.
  pueLogout: proxyRoute(auth.logout, 'Ends the portal session in `x-pue-session`', {
    headers: PueSessionHeader,
  }),
  pueMe: proxyRoute(auth.me, 'The portal profile of the session'),
  pueAccount: proxyRoute(client.accountData, 'Account data for a role'),
  pueArchiveOrders: proxyRoute(client.archiveOrders, 'Archival data orders of the account'),
  pueOrderArchive: proxyRoute(client.orderArchive, 'Orders archival contribution data', {
    description: 'Send `Idempotency-Key` so that a retry does not order twice.',
  }),
};
