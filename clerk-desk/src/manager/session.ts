import type { Role } from '@skr/protocol/http';

/** A signed-in manager or admin. */
export interface ManagerSession {
  token: string;
  username: string;
  role: Role;
}

const KEY = 'skr.manager.session';

/** The session of this browser tab (gone when the tab closes). */
export function loadSession(): ManagerSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as ManagerSession) : null;
  } catch {
    return null;
  }
}

/** Keeps (or with null, forgets) the session. */
export function saveSession(s: ManagerSession | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}
