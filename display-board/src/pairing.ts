import { StoredCredential } from '@skr/protocol/client';

/** Where a paired screen keeps its credential (token, expiry, when to renew). */
export const CREDENTIAL_KEY = 'skr.display.credential';
/** Where screens paired before credentials expired kept a bare token. */
export const TOKEN_KEY = 'skr.display.token';

/** The bit of `localStorage` pairing touches (so it can be tested without a browser). */
export type CredentialStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The screen's stored credential, or null when it has none and must pair. A bare token of an
 * older screen is taken too (renewed at once, which gives it an expiry). A token in the URL is
 * never read: screens pair by code (issue 13).
 */
export function loadCredential(storage: CredentialStorage): StoredCredential | null {
  const raw = storage.getItem(CREDENTIAL_KEY);
  if (raw) {
    try {
      const parsed = StoredCredential.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // Damaged: treated as none, the screen pairs again.
    }
  }
  const legacy = storage.getItem(TOKEN_KEY);
  return legacy ? { token: legacy } : null;
}

/** Stores the screen's credential (after pairing or a renewal). */
export function saveCredential(storage: CredentialStorage, c: StoredCredential): void {
  storage.setItem(CREDENTIAL_KEY, JSON.stringify(c));
  storage.removeItem(TOKEN_KEY);
}

/** Forgets the credential (revoked or expired: the screen shows a new pairing code). */
export function clearCredential(storage: CredentialStorage): void {
  storage.removeItem(CREDENTIAL_KEY);
  storage.removeItem(TOKEN_KEY);
}
