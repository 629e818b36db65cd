import { PublicTicketStatus } from '@skr/protocol/display';
import { ApiError, type ErrorCode } from '@skr/protocol/errors';

/** How often the follow page asks again. */
export const POLL_MS = 10_000;

/** The ticket id in `/q/<id>` (or `?id=` during development); null when absent or malformed. */
export function ticketIdFrom(href: string): string | null {
  const url = new URL(href);
  const m = /\/q\/([0-9a-f-]{36})\/?$/i.exec(url.pathname);
  const id = m?.[1] ?? url.searchParams.get('id');
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id.toLowerCase() : null;
}

/** One answer of the public status endpoint. */
export type FollowResult =
  { kind: 'ok'; status: PublicTicketStatus } | { kind: 'error'; code: ErrorCode };

/** Fetches the public status of a ticket (no token: the unguessable id is the key). */
export async function fetchPublicStatus(origin: string, id: string): Promise<FollowResult> {
  let res: Response;
  try {
    res = await fetch(`${origin}/api/v1/public/tickets/${encodeURIComponent(id)}`, {
      cache: 'no-store',
    });
  } catch {
    return { kind: 'error', code: 'DISCONNECTED' };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    const s = PublicTicketStatus.safeParse(body);
    return s.success ? { kind: 'ok', status: s.data } : { kind: 'error', code: 'INTERNAL' };
  }
  const err = ApiError.safeParse(body);
  return { kind: 'error', code: err.success ? err.data.code : 'INTERNAL' };
}
