import { createClient } from '@skr/protocol/client';
import type { PublicTicketStatus } from '@skr/protocol/display';
import { isSkrError, type ErrorCode } from '@skr/protocol/errors';
import { branchApi } from '@skr/protocol/routes';

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
  // Each poll must reach the server: a phone's cache would freeze the position.
  const client = createClient(branchApi, {
    baseUrl: origin,
    fetch: (url, init) => fetch(url, { ...init, cache: 'no-store' }),
  });
  try {
    return { kind: 'ok', status: await client.call('publicTicket', { params: { id } }) };
  } catch (e) {
    return { kind: 'error', code: isSkrError(e) ? e.code : 'INTERNAL' };
  }
}
