import { LoginRequest, LoginResponse } from '../http';
import { access } from './roles';
import { NoContent, branchRoute } from './route';

/** Staff login and logout. */
export const authRoutes = {
  login: branchRoute({
    method: 'POST',
    path: '/api/v1/auth/login',
    tag: 'auth',
    summary: 'Staff login: a session token for 12 hours',
    description: 'Rate-limited per client address and user name (429 RATE_LIMITED).',
    access: 'public',
    body: LoginRequest,
    responses: { 200: LoginResponse },
  }),
  logout: branchRoute({
    method: 'POST',
    path: '/api/v1/auth/logout',
    tag: 'auth',
    summary: 'Revokes the token of the call',
    access: access.anyToken,
    responses: { 204: NoContent },
  }),
};
