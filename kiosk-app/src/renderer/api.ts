import i18next from 'i18next';
import { createClient } from '@skr/protocol/client';
import type { Lang } from '@skr/protocol/domain';
import { isSkrError } from '@skr/protocol/errors';
import { kioskProxyApi } from '@skr/protocol/kiosk-proxy';

/**
 * How long the page waits for the kiosk host. Longer than the host's own wait for the branch
 * (15 s for routes that reach the portal), so the page shows the host's clear answer instead of
 * giving up first.
 */
const PAGE_TIMEOUT_MS = 20_000;

/**
 * The page's client of the branch routes the kiosk host passes on (same origin; the host adds
 * the device token). Every failure rejects with SkrError.
 */
export const api = createClient(kioskProxyApi, {
  baseUrl: '',
  timeoutMs: PAGE_TIMEOUT_MS,
  lang: () => (i18next.language || 'pl') as Lang,
});

/** The header carrying the client's portal session token (kept only in memory). */
export function pueSession(token: string): { headers: Record<string, string> } {
  return { headers: { 'x-pue-session': token } };
}

/** Code of any error (SkrError or not), for the message catalogue. */
export function errorCode(e: unknown): string {
  return isSkrError(e) ? e.code : 'generic';
}
