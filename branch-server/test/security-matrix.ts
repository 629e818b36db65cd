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

/** Role groups the table below may name besides single roles. */
const groups: Record<string, readonly Principal[]> = { staff, anyToken, managers, kioskChannel };
const roles = new Set<string>(anyToken);
const methods = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** What each path parameter is filled with: an id that names nothing, so nothing changes. */
const samples: Record<string, string> = {
  id: none,
  code: 'NOPE1234',
  serviceId: 'nope',
  accountId: 'x',
  answerId: 'x',
  username: 'nobody',
};

/** `anyone`, or comma-separated roles and group names ("kiosk,staff"). */
function parseWho(text: string): Who {
  if (text === 'anyone') return 'anyone';
  return text.split(',').flatMap((name): Principal[] => {
    if (groups[name]) return [...groups[name]];
    if (!roles.has(name)) throw new Error(`security-matrix: unknown role or group ${name}`);
    return [name as Principal];
  });
}

/**
 * One row: METHOD route who [json-body] [/concrete/path]. Without a path, each `:param` of
 * the route is filled from `samples`.
 */
function parseRow(row: string): RouteCase {
  const [method, route, who, ...rest] = row.trim().split(/\s+/);
  if (!method || !methods.has(method) || !route || !who)
    throw new Error(`security-matrix: bad row ${row}`);
  const body = rest.find((t) => t.startsWith('{'));
  const path = rest.find((t) => t.startsWith('/'));
  return {
    method: method as RouteCase['method'],
    route,
    path: path ?? route.replace(/:(\w+)/g, (_, name: string) => samples[name] ?? name),
    body: body === undefined ? undefined : JSON.parse(body),
    who: parseWho(who),
  };
}

/**
 * Every HTTP route and its roles, written from docs/api.md by hand (not imported from the
 * server's own table, so a wrong entry there is caught). The test also fails when the server
 * has a route this list does not name. Logout is tested on its own (it revokes the token).
 * Lines starting with # are comments; a body `{}` is refused (400) when the caller may call.
 */
const table = `
POST   /api/v1/auth/login                                 anyone        {}
GET    /api/v1/health                                     anyone
GET    /api/v1/public/tickets/:id                         anyone
GET    /api/v1/services                                   anyToken
GET    /api/v1/counters                                   anyToken
GET    /api/v1/queue                                      anyToken
GET    /api/v1/events                                     anyToken      /api/v1/events?since=0&limit=1
POST   /api/v1/tickets                                    kiosk,staff   {}
GET    /api/v1/tickets/:id                                staff
# Each clerk action and counter action is a route of its own.
POST   /api/v1/tickets/:id/recall                         staff
POST   /api/v1/tickets/:id/start                          staff
POST   /api/v1/tickets/:id/finish                         staff
POST   /api/v1/tickets/:id/no-show                        staff
POST   /api/v1/tickets/:id/park                           staff
POST   /api/v1/tickets/:id/return                         staff
POST   /api/v1/tickets/:id/transfer                       staff         {"serviceId":"none"}
POST   /api/v1/tickets/:id/cancel                         staff
POST   /api/v1/counters/:id/open                          staff         /api/v1/counters/999/open
POST   /api/v1/counters/:id/close                         staff         /api/v1/counters/999/close
POST   /api/v1/counters/:id/pause                         staff         {"reason":"test"} /api/v1/counters/999/pause
POST   /api/v1/counters/:id/call-next                     staff         /api/v1/counters/999/call-next
# The generated OpenAPI document is public (its browsable page is left out below).
GET    /api/v1/openapi.json                               anyone
POST   /api/v1/bookings                                   managers      {}
GET    /api/v1/display/config                             display,managers
PUT    /api/v1/devices/:id/display-config                 managers      {}
GET    /api/v1/audio/chime.wav                            anyToken
GET    /api/v1/audio/:id                                  anyToken      /api/v1/audio/pl-A001-1.wav
POST   /api/v1/devices/status                             kiosk,display,board {}
GET    /api/v1/devices/status                             managers
POST   /api/v1/devices/refresh                            kiosk,display,board
POST   /api/v1/devices                                    admin         {}
GET    /api/v1/devices                                    managers
POST   /api/v1/devices/:id/revoke                         admin
GET    /api/v1/manager/monitor                            managers
GET    /api/v1/manager/stats                              managers
POST   /api/v1/manager/end-day                            managers
# Pairing by code (issue 13): a device without a credential asks and collects; the admin approves.
POST   /api/v1/devices/pairing                            anyone        {}
POST   /api/v1/devices/pairing/claim                      anyone        {}
POST   /api/v1/devices/pairing/approve                    admin         {}
# The public status (issue 14): JSON, and its page with a style sheet, for anyone.
GET    /api/v1/public/status                              anyone
GET    /status                                            anyone
GET    /status.css                                        anyone
# Notifications (issue 15): the ticket id is the capability, as on the follow page.
PUT    /api/v1/public/tickets/:id/contact                 anyone        {}
DELETE /api/v1/public/tickets/:id/contact                 anyone
PUT    /api/v1/bookings/:code/contact                     kiosk,staff   {} /api/v1/bookings/NONE0000/contact
GET    /api/v1/manager/notifications                      managers
# The calendar (issue 14, docs/bookings.md): an empty body or query is refused (400).
GET    /api/v1/manager/calendar/plan                      managers
PUT    /api/v1/manager/calendar/plan                      managers      {}
GET    /api/v1/calendar/slots                             kiosk,staff
POST   /api/v1/calendar/visits                            kiosk,staff   {}
GET    /api/v1/manager/calendar/day                       managers
POST   /api/v1/calendar/visits/:code/find                 kiosk,staff   {}
POST   /api/v1/calendar/visits/:code/cancel               kiosk,staff   {}
POST   /api/v1/calendar/visits/:code/rebook               kiosk,staff   {}
POST   /api/v1/calendar/late-arrivals                     kiosk,staff   {}
# Walk-in cut-off (issue 14): an unknown service is 404, an empty pool body 400.
GET    /api/v1/manager/walk-in-cutoffs                    managers
POST   /api/v1/manager/walk-in-cutoffs/:serviceId/reopen  managers      {}
PUT    /api/v1/manager/walk-in-cutoffs/:serviceId/pool    managers      {}
GET    /api/v1/config                                     managers
GET    /api/v1/config/audit                               managers
PUT    /api/v1/config/services/:id                        admin         {} /api/v1/config/services/nope
POST   /api/v1/config/counters                            admin         {}
PUT    /api/v1/config/counters/:id                        admin         {} /api/v1/config/counters/999
PUT    /api/v1/config/settings                            admin         {"bad":1}
PUT    /api/v1/config/users/:username                     admin         {"bad":1}
POST   /api/v1/config/devices                             admin         {}
POST   /api/v1/config/devices/:id/revoke                  admin
PUT    /api/v1/config/devices/:id/display                 admin         {}
GET    /api/v1/document-forms                             anyToken
POST   /api/v1/documents                                  kioskChannel  {}
GET    /api/v1/documents/:id                              kiosk,managers
POST   /api/v1/documents/receipt-lookup                   kioskChannel  {}
GET    /api/v1/opening                                    anyToken
GET    /api/v1/sync/status                                managers
POST   /api/v1/profile-confirmations/lookup               clerk,manager {}
POST   /api/v1/profile-confirmations/confirm              clerk,manager {}
POST   /api/v1/profile-confirmations/refuse               clerk,manager {}
POST   /api/v1/pue/auth/password                          kioskChannel  {}
POST   /api/v1/pue/auth/password/verify                   kioskChannel  {}
POST   /api/v1/pue/auth/card/challenge                    kioskChannel
POST   /api/v1/pue/auth/card                              kioskChannel  {}
POST   /api/v1/pue/auth/logout                            kioskChannel
GET    /api/v1/pue/me                                     kioskChannel
GET    /api/v1/pue/accounts/:accountId                    kioskChannel
GET    /api/v1/pue/accounts/:accountId/archive-orders     kioskChannel
POST   /api/v1/pue/accounts/:accountId/archive-orders     kioskChannel  {}
GET    /api/v1/pue/inbox                                  kioskChannel
POST   /api/v1/pue/inbox/:answerId/upd                    kioskChannel  {}
GET    /api/v1/pue/inbox/:answerId                        kioskChannel
`;

/** The table's rows, one case each. */
export const routeCases: RouteCase[] = table
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map(parseRow);

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
