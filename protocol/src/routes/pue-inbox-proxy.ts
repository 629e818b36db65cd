import { portalInboxRoutes as inbox } from './portal-inbox';
import { proxyRoute } from './proxy-route';

/**
 * The kiosk's inbox calls, passed 1:1 to the portal with `x-pue-session`. Answers are personal
 * letters: the branch neither keeps nor caches them (`cache-control: no-store`).
 */
export const pueInboxProxyRoutes = {
  pueInbox: proxyRoute(inbox.inbox, "The client's answers from ZUS with the unread count"),
  pueSignUpd: proxyRoute(
    inbox.signUpd,
    'Sign the UPD of an answer (confirmation or ID-card signature)',
  ),
  pueAnswer: proxyRoute(
    inbox.answer,
    'An answer with its PDF body (after its UPD); never cached at the branch',
  ),
};
