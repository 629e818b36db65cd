import {
  PueCardChallenge,
  PueCardLoginRequest,
  PuePasswordLoginRequest,
  PuePasswordLoginStarted,
  PueProfile,
  PueSession,
  PueVerifyCodeRequest,
} from '../pue';
import { NoContent, portalRoute } from './route';

/** Portal logins (password + code, ID card), logout and the own profile. */
export const portalAuthRoutes = {
  passwordLogin: portalRoute({
    method: 'POST',
    path: '/v1/auth/password',
    tag: 'auth',
    summary: 'Password login, step 1: check login + password, send a verification code',
    access: 'public',
    body: PuePasswordLoginRequest,
    responses: { 200: PuePasswordLoginStarted },
  }),
  passwordVerify: portalRoute({
    method: 'POST',
    path: '/v1/auth/password/verify',
    tag: 'auth',
    summary: 'Password login, step 2: the 6-digit code from SMS or e-mail opens a session',
    description: 'Single use; after 3 wrong codes the attempt is void.',
    access: 'public',
    body: PueVerifyCodeRequest,
    responses: { 200: PueSession },
  }),
  cardChallenge: portalRoute({
    method: 'POST',
    path: '/v1/auth/card/challenge',
    tag: 'auth',
    summary: 'ID-card login, step 1: a 32-byte challenge bound to a short-lived attempt',
    access: 'public',
    responses: { 200: PueCardChallenge },
  }),
  cardLogin: portalRoute({
    method: 'POST',
    path: '/v1/auth/card',
    tag: 'auth',
    summary: 'ID-card login, step 2: certificate + ECDSA P-256/SHA-256 signature (raw r||s)',
    description:
      'The certificate must be issued by a trusted CA, be within its validity dates, and name ' +
      'the holder as subject serialNumber=PNOPL-<PESEL>. Each challenge allows one try.',
    access: 'public',
    body: PueCardLoginRequest,
    responses: { 200: PueSession },
  }),
  logout: portalRoute({
    method: 'POST',
    path: '/v1/auth/logout',
    tag: 'auth',
    summary: 'Ends the session (an unknown token is fine: 204 all the same)',
    access: 'public',
    responses: { 204: NoContent },
  }),
  me: portalRoute({
    method: 'GET',
    path: '/v1/me',
    tag: 'auth',
    summary: 'The profile with the accounts it may enter',
    access: 'session',
    responses: { 200: PueProfile },
  }),
};
