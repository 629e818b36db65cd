import type { Session } from 'electron';
import { KIOSK_CSP } from '../host/security-headers';

/**
 * Session-wide locks: every permission request refused (camera, microphone, notifications…),
 * the CSP header added to every answer (the host sends it too; this covers any other page),
 * downloads cancelled.
 */
export function setupSessionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'on'> & {
    webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
  },
) {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [KIOSK_CSP] },
    }),
  );
  session.on('will-download', (event) => event.preventDefault());
}
