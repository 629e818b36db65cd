import type { Principal } from '@skr/protocol';
import { printedRoutes } from './route-tree';

/** Who may call a route, as docs/api.md states it; `anyone` needs no token. */
export type Who = readonly Principal[] | 'anyone';

/** One route of the matrix and a request that changes nothing when it is allowed. */
export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route pattern as Fastify registered it. */
  route: string;
  /** A concrete path (unknown ids, so an allowed call ends in 400/404/409/503, not a change). */
  path: string;
  body?: unknown;
  who: Who;
}

const staff = ['clerk', 'manager', 'admin'] as const;
const anyToken = ['clerk', 'manager', 'admin', 'display', 'kiosk', 'board'] as const;
const managers = ['manager', 'admin'] as const;
const kioskChannel = ['kiosk', 'admin'] as const;
const none = '00000000-0000-7000-8000-000000000000';

/**
 * Every HTTP route and its roles, written from docs/api.md by hand (not imported from the
 * server's own table, so a wrong entry there is caught). The test also fails when the server
 * has a route this list does not name. Logout is tested on its own (it revokes the token).
 */
export const routeCases: RouteCase[] = [
  {
    method: 'POST',
    route: '/api/v1/auth/login',
    path: '/api/v1/auth/login',
    body: {},
    who: 'anyone',
  },
  { method: 'GET', route: '/api/v1/health', path: '/api/v1/health', who: 'anyone' },
  {
    method: 'GET',
    route: '/api/v1/public/tickets/:id',
    path: `/api/v1/public/tickets/${none}`,
    who: 'anyone',
  },
  { method: 'GET', route: '/api/v1/services', path: '/api/v1/services', who: anyToken },
  { method: 'GET', route: '/api/v1/counters', path: '/api/v1/counters', who: anyToken },
  { method: 'GET', route: '/api/v1/queue', path: '/api/v1/queue', who: anyToken },
  { method: 'GET', route: '/api/v1/events', path: '/api/v1/events?since=0&limit=1', who: anyToken },
  {
    method: 'POST',
    route: '/api/v1/tickets',
    path: '/api/v1/tickets',
    body: {},
    who: ['kiosk', ...staff],
  },
  { method: 'GET', route: '/api/v1/tickets/:id', path: `/api/v1/tickets/${none}`, who: staff },
  // Each clerk action and counter action is a route of its own.
  ...['recall', 'start', 'finish', 'no-show', 'park', 'return', 'transfer', 'cancel'].map(
    (action): RouteCase => ({
      method: 'POST',
      route: `/api/v1/tickets/:id/${action}`,
      path: `/api/v1/tickets/${none}/${action}`,
      body: action === 'transfer' ? { serviceId: 'none' } : undefined,
      who: staff,
    }),
  ),
  ...['open', 'close', 'pause', 'call-next'].map((action): RouteCase => ({
    method: 'POST',
    route: `/api/v1/counters/:id/${action}`,
    path: `/api/v1/counters/999/${action}`,
    body: action === 'pause' ? { reason: 'test' } : undefined,
    who: staff,
  })),
  // The generated OpenAPI document is public (its browsable page is left out below).
  { method: 'GET', route: '/api/v1/openapi.json', path: '/api/v1/openapi.json', who: 'anyone' },
  { method: 'POST', route: '/api/v1/bookings', path: '/api/v1/bookings', body: {}, who: managers },
  {
    method: 'GET',
    route: '/api/v1/display/config',
    path: '/api/v1/display/config',
    who: ['display', ...managers],
  },
  {
    method: 'PUT',
    route: '/api/v1/devices/:id/display-config',
    path: `/api/v1/devices/${none}/display-config`,
    body: {},
    who: managers,
  },
  {
    method: 'GET',
    route: '/api/v1/audio/chime.wav',
    path: '/api/v1/audio/chime.wav',
    who: anyToken,
  },
  { method: 'GET', route: '/api/v1/audio/:id', path: '/api/v1/audio/pl-A001-1.wav', who: anyToken },
  {
    method: 'POST',
    route: '/api/v1/devices/status',
    path: '/api/v1/devices/status',
    body: {},
    who: ['kiosk', 'display', 'board'],
  },
  { method: 'GET', route: '/api/v1/devices/status', path: '/api/v1/devices/status', who: managers },
  {
    method: 'POST',
    route: '/api/v1/devices/refresh',
    path: '/api/v1/devices/refresh',
    who: ['kiosk', 'display', 'board'],
  },
  { method: 'POST', route: '/api/v1/devices', path: '/api/v1/devices', body: {}, who: ['admin'] },
  { method: 'GET', route: '/api/v1/devices', path: '/api/v1/devices', who: managers },
  {
    method: 'POST',
    route: '/api/v1/devices/:id/revoke',
    path: `/api/v1/devices/${none}/revoke`,
    who: ['admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/manager/monitor',
    path: '/api/v1/manager/monitor',
    who: managers,
  },
  { method: 'GET', route: '/api/v1/manager/stats', path: '/api/v1/manager/stats', who: managers },
  {
    method: 'POST',
    route: '/api/v1/manager/end-day',
    path: '/api/v1/manager/end-day',
    who: managers,
  },
  // Pairing by code (issue 13): a device without a credential asks and collects; the admin approves.
  {
    method: 'POST',
    route: '/api/v1/devices/pairing',
    path: '/api/v1/devices/pairing',
    body: {},
    who: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/devices/pairing/claim',
    path: '/api/v1/devices/pairing/claim',
    body: {},
    who: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/devices/pairing/approve',
    path: '/api/v1/devices/pairing/approve',
    body: {},
    who: ['admin'],
  },
  // The public status (issue 14): JSON, and its page with a style sheet, for anyone.
  { method: 'GET', route: '/api/v1/public/status', path: '/api/v1/public/status', who: 'anyone' },
  { method: 'GET', route: '/status', path: '/status', who: 'anyone' },
  { method: 'GET', route: '/status.css', path: '/status.css', who: 'anyone' },
  // Notifications (issue 15): the ticket id is the capability, as on the follow page.
  {
    method: 'PUT',
    route: '/api/v1/public/tickets/:id/contact',
    path: `/api/v1/public/tickets/${none}/contact`,
    body: {},
    who: 'anyone',
  },
  {
    method: 'DELETE',
    route: '/api/v1/public/tickets/:id/contact',
    path: `/api/v1/public/tickets/${none}/contact`,
    who: 'anyone',
  },
  {
    method: 'PUT',
    route: '/api/v1/bookings/:code/contact',
    path: '/api/v1/bookings/NONE0000/contact',
    body: {},
    who: ['kiosk', ...staff],
  },
  {
    method: 'GET',
    route: '/api/v1/manager/notifications',
    path: '/api/v1/manager/notifications',
    who: managers,
  },
  // The calendar (issue 14, docs/bookings.md): an empty body or query is refused (400).
  {
    method: 'GET',
    route: '/api/v1/manager/calendar/plan',
    path: '/api/v1/manager/calendar/plan',
    who: managers,
  },
  {
    method: 'PUT',
    route: '/api/v1/manager/calendar/plan',
    path: '/api/v1/manager/calendar/plan',
    body: {},
    who: managers,
  },
  {
    method: 'GET',
    route: '/api/v1/calendar/slots',
    path: '/api/v1/calendar/slots',
    who: ['kiosk', ...staff],
  },
  {
    method: 'POST',
    route: '/api/v1/calendar/visits',
    path: '/api/v1/calendar/visits',
    body: {},
    who: ['kiosk', ...staff],
  },
  {
    method: 'GET',
    route: '/api/v1/manager/calendar/day',
    path: '/api/v1/manager/calendar/day',
    who: managers,
  },
  {
    method: 'POST',
    route: '/api/v1/calendar/visits/:code/find',
    path: '/api/v1/calendar/visits/NOPE1234/find',
    body: {},
    who: ['kiosk', ...staff],
  },
  {
    method: 'POST',
    route: '/api/v1/calendar/visits/:code/cancel',
    path: '/api/v1/calendar/visits/NOPE1234/cancel',
    body: {},
    who: ['kiosk', ...staff],
  },
  {
    method: 'POST',
    route: '/api/v1/calendar/visits/:code/rebook',
    path: '/api/v1/calendar/visits/NOPE1234/rebook',
    body: {},
    who: ['kiosk', ...staff],
  },
  // Walk-in cut-off (issue 14): an unknown service is 404, an empty pool body 400.
  {
    method: 'GET',
    route: '/api/v1/manager/walk-in-cutoffs',
    path: '/api/v1/manager/walk-in-cutoffs',
    who: managers,
  },
  {
    method: 'POST',
    route: '/api/v1/manager/walk-in-cutoffs/:serviceId/reopen',
    path: '/api/v1/manager/walk-in-cutoffs/nope/reopen',
    body: {},
    who: managers,
  },
  {
    method: 'PUT',
    route: '/api/v1/manager/walk-in-cutoffs/:serviceId/pool',
    path: '/api/v1/manager/walk-in-cutoffs/nope/pool',
    body: {},
    who: managers,
  },
  { method: 'GET', route: '/api/v1/config', path: '/api/v1/config', who: managers },
  { method: 'GET', route: '/api/v1/config/audit', path: '/api/v1/config/audit', who: managers },
  {
    method: 'PUT',
    route: '/api/v1/config/services/:id',
    path: '/api/v1/config/services/nope',
    body: {},
    who: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/config/counters',
    path: '/api/v1/config/counters',
    body: {},
    who: ['admin'],
  },
  {
    method: 'PUT',
    route: '/api/v1/config/counters/:id',
    path: '/api/v1/config/counters/999',
    body: {},
    who: ['admin'],
  },
  {
    method: 'PUT',
    route: '/api/v1/config/settings',
    path: '/api/v1/config/settings',
    body: { bad: 1 },
    who: ['admin'],
  },
  {
    method: 'PUT',
    route: '/api/v1/config/users/:username',
    path: '/api/v1/config/users/nobody',
    body: { bad: 1 },
    who: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/config/devices',
    path: '/api/v1/config/devices',
    body: {},
    who: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/config/devices/:id/revoke',
    path: `/api/v1/config/devices/${none}/revoke`,
    who: ['admin'],
  },
  {
    method: 'PUT',
    route: '/api/v1/config/devices/:id/display',
    path: `/api/v1/config/devices/${none}/display`,
    body: {},
    who: ['admin'],
  },
  { method: 'GET', route: '/api/v1/document-forms', path: '/api/v1/document-forms', who: anyToken },
  {
    method: 'POST',
    route: '/api/v1/documents',
    path: '/api/v1/documents',
    body: {},
    who: kioskChannel,
  },
  {
    method: 'GET',
    route: '/api/v1/documents/:id',
    path: `/api/v1/documents/${none}`,
    who: ['kiosk', ...managers],
  },
  {
    method: 'POST',
    route: '/api/v1/documents/receipt-lookup',
    path: '/api/v1/documents/receipt-lookup',
    body: {},
    who: kioskChannel,
  },
  { method: 'GET', route: '/api/v1/opening', path: '/api/v1/opening', who: anyToken },
  { method: 'GET', route: '/api/v1/sync/status', path: '/api/v1/sync/status', who: managers },
  {
    method: 'POST',
    route: '/api/v1/profile-confirmations/lookup',
    path: '/api/v1/profile-confirmations/lookup',
    body: {},
    who: ['clerk', 'manager'],
  },
  {
    method: 'POST',
    route: '/api/v1/profile-confirmations/confirm',
    path: '/api/v1/profile-confirmations/confirm',
    body: {},
    who: ['clerk', 'manager'],
  },
  {
    method: 'POST',
    route: '/api/v1/profile-confirmations/refuse',
    path: '/api/v1/profile-confirmations/refuse',
    body: {},
    who: ['clerk', 'manager'],
  },
  {
    method: 'POST',
    route: '/api/v1/pue/auth/password',
    path: '/api/v1/pue/auth/password',
    body: {},
    who: kioskChannel,
  },
  {
    method: 'POST',
    route: '/api/v1/pue/auth/password/verify',
    path: '/api/v1/pue/auth/password/verify',
    body: {},
    who: kioskChannel,
  },
  {
    method: 'POST',
    route: '/api/v1/pue/auth/card/challenge',
    path: '/api/v1/pue/auth/card/challenge',
    who: kioskChannel,
  },
  {
    method: 'POST',
    route: '/api/v1/pue/auth/card',
    path: '/api/v1/pue/auth/card',
    body: {},
    who: kioskChannel,
  },
  {
    method: 'POST',
    route: '/api/v1/pue/auth/logout',
    path: '/api/v1/pue/auth/logout',
    who: kioskChannel,
  },
  { method: 'GET', route: '/api/v1/pue/me', path: '/api/v1/pue/me', who: kioskChannel },
  {
    method: 'GET',
    route: '/api/v1/pue/accounts/:accountId',
    path: '/api/v1/pue/accounts/x',
    who: kioskChannel,
  },
  {
    method: 'GET',
    route: '/api/v1/pue/accounts/:accountId/archive-orders',
    path: '/api/v1/pue/accounts/x/archive-orders',
    who: kioskChannel,
  },
  {
    method: 'POST',
    route: '/api/v1/pue/accounts/:accountId/archive-orders',
    path: '/api/v1/pue/accounts/x/archive-orders',
    body: {},
    who: kioskChannel,
  },
  { method: 'GET', route: '/api/v1/pue/inbox', path: '/api/v1/pue/inbox', who: kioskChannel },
  {
    method: 'POST',
    route: '/api/v1/pue/inbox/:answerId/upd',
    path: '/api/v1/pue/inbox/x/upd',
    body: {},
    who: kioskChannel,
  },
  {
    method: 'GET',
    route: '/api/v1/pue/inbox/:answerId',
    path: '/api/v1/pue/inbox/x',
    who: kioskChannel,
  },
];

/** Socket namespaces and who may join them (docs/api.md, "socket.io"). */
export const namespaceCases = [
  { ns: '/display', who: ['display', ...managers] },
  { ns: '/counter', who: staff },
  { ns: '/kiosk', who: kioskChannel },
] as const;

/** Where the browsable API reference lives. */
const API_DOCS_PAGE = '/api/v1/docs';

/** `METHOD /route` for every route in Fastify's printed route tree (HEAD left out). */
export function registeredRoutes(tree: string): string[] {
  // The API reference page (HTML and scripts, public, no data) is not an API route.
  return printedRoutes(tree)
    .filter((r) => !r.path.startsWith(API_DOCS_PAGE))
    .map((r) => `${r.method} ${r.path}`);
}
