import type { Role } from '@skr/protocol/http';

/** Who is signed in at this browser tab. */
export interface DeskSession {
  token: string;
  username: string;
  role: Role;
}

// sessionStorage: the session survives a reload (or a crash of the page) but not the closing
// of the tab, so a shared workstation does not keep a clerk signed in.
const SESSION = 'skr.desk.session';
const COUNTER = 'skr.desk.counter';

function read<T>(key: string, ok: (v: unknown) => v is T): T | null {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    return ok(v) ? v : null;
  } catch {
    return null;
  }
}

const isSession = (v: unknown): v is DeskSession =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DeskSession).token === 'string' &&
  typeof (v as DeskSession).username === 'string';
const isCounterId = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/** The stored session and counter, if any. */
export function loadSession(): { session: DeskSession | null; counterId: number | null } {
  const session = read(SESSION, isSession);
  return { session, counterId: session ? read(COUNTER, isCounterId) : null };
}

/** Stores (or with null forgets) the session. */
export function saveSession(s: DeskSession | null): void {
  if (s) sessionStorage.setItem(SESSION, JSON.stringify(s));
  else {
    sessionStorage.removeItem(SESSION);
    sessionStorage.removeItem(COUNTER);
  }
}

/** Stores (or with null forgets) the chosen counter. */
export function saveCounter(id: number | null): void {
  if (id === null) sessionStorage.removeItem(COUNTER);
  else sessionStorage.setItem(COUNTER, JSON.stringify(id));
}
