import { z } from 'zod';
import {
  PueAccountData,
  PueAccountDataQuery,
  PueArchiveOrder,
  PueArchiveOrderList,
  PueArchiveOrderRequest,
  PueCardChallenge,
  PueCardLoginRequest,
  PuePasswordLoginRequest,
  PuePasswordLoginStarted,
  PueProfile,
  PueSession,
  PueVerifyCodeRequest,
} from '../pue';
import { access } from './roles';
import { NoContent, branchRoute } from './route';

/** The client's portal session, passed on to the portal and never stored or logged. */
export const PueSessionHeader = z
  .object({
    'x-pue-session': z.string().optional().describe("the client's portal session token"),
  })
  .loose();

/** The portal session and the key that makes a retried write safe (issue 13). */
export const PueWriteHeaders = PueSessionHeader.extend({
  'idempotency-key': z
    .string()
    .optional()
    .describe(
      'same value on every retry of one write (8–128 of A–Z a–z 0–9 - _): the branch answers ' +
        'a retry with the first answer for 10 minutes instead of doing it again',
    ),
}).loose();

/** An account in the path. */
export const AccountParams = z.object({ accountId: z.string().min(1).max(64) });

/**
 * The kiosk's portal calls, passed 1:1 to the portal (kiosk token + `x-pue-session`). Portal
 * unreachable or 5xx → 503 UNAVAILABLE; the portal's 4xx keep their code.
 */
export const pueProxyRoutes = {
  puePasswordLogin: branchRoute({
    method: 'POST',
    path: '/api/v1/pue/auth/password',
    tag: 'pue',
    summary: 'Portal password login, step 1 (a code is sent)',
    description:
      'Refused logins (here, at the code step and by ID card) are limited before the portal is ' +
      'asked: 5 a minute per kiosk, 30 for the branch; then 429 RATE_LIMITED.',
    access: access.kioskChannel,
    body: PuePasswordLoginRequest,
    responses: { 200: PuePasswordLoginStarted },
  }),
  puePasswordVerify: branchRoute({
    method: 'POST',
    path: '/api/v1/pue/auth/password/verify',
    tag: 'pue',
    summary: 'Portal password login, step 2 (the code opens a session)',
    access: access.kioskChannel,
    body: PueVerifyCodeRequest,
    responses: { 200: PueSession },
  }),
  pueCardChallenge: branchRoute({
    method: 'POST',
    path: '/api/v1/pue/auth/card/challenge',
    tag: 'pue',
    summary: 'Portal ID-card login, step 1: the challenge',
    access: access.kioskChannel,
    responses: { 200: PueCardChallenge },
  }),
  pueCardLogin: branchRoute({
    method: 'POST',
    path: '/api/v1/pue/auth/card',
    tag: 'pue',
    summary: 'Portal ID-card login, step 2: the signed challenge',
    access: access.kioskChannel,
    body: PueCardLoginRequest,
    responses: { 200: PueSession },
  }),
  pueLogout: branchRoute({
    method: 'POST',
    path: '/api/v1/pue/auth/logout',
    tag: 'pue',
    summary: 'Ends the portal session in `x-pue-session`',
    access: access.kioskChannel,
    headers: PueSessionHeader,
    responses: { 204: NoContent },
  }),
  pueMe: branchRoute({
    method: 'GET',
    path: '/api/v1/pue/me',
    tag: 'pue',
    summary: 'The portal profile of the session',
    access: access.kioskChannel,
    headers: PueSessionHeader,
    responses: { 200: PueProfile },
  }),
  pueAccount: branchRoute({
    method: 'GET',
    path: '/api/v1/pue/accounts/:accountId',
    tag: 'pue',
    summary: 'Account data for a role',
    access: access.kioskChannel,
    headers: PueSessionHeader,
    params: AccountParams,
    query: PueAccountDataQuery,
    responses: { 200: PueAccountData },
  }),
  pueArchiveOrders: branchRoute({
    method: 'GET',
    path: '/api/v1/pue/accounts/:accountId/archive-orders',
    tag: 'pue',
    summary: 'Archival data orders of the account',
    access: access.kioskChannel,
    headers: PueSessionHeader,
    params: AccountParams,
    responses: { 200: PueArchiveOrderList },
  }),
  pueOrderArchive: branchRoute({
    method: 'POST',
    path: '/api/v1/pue/accounts/:accountId/archive-orders',
    tag: 'pue',
    summary: 'Orders archival contribution data',
    description: 'Send `Idempotency-Key` so that a retry does not order twice.',
    access: access.kioskChannel,
    headers: PueWriteHeaders,
    params: AccountParams,
    body: PueArchiveOrderRequest,
    responses: { 201: PueArchiveOrder },
  }),
};
