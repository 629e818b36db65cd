import { z } from 'zod';
import { access } from './roles';
import type { PortalAccess, RouteDef } from './route';

// The branch passes the kiosk's portal calls on 1:1, so a proxy route takes its method, path,
// parameters, query, body and answers from the portal's own route: the two cannot drift apart.

/** The client's portal session, passed on to the portal and never stored or logged. */
export const PueSessionHeader = z
  .object({
    'x-pue-session': z.string().optional().describe("the client's portal session token"),
  })
  .loose();

/** The portal session and the key that makes a retried write safe (issue 13). */
const PueWriteHeaders = PueSessionHeader.extend({
  'idempotency-key': z
    .string()
    .optional()
    .describe(
      'same value on every retry of one write (8–128 of A–Z a–z 0–9 - _): the branch answers ' +
        'a retry with the first answer for 10 minutes instead of doing it again',
    ),
}).loose();

const CARRIED = ['method', 'params', 'query', 'body', 'responses'] as const;
type CarriedKey = (typeof CARRIED)[number];

/** The parts of a portal route its proxy carries over unchanged (only those the route has). */
type Carried<R> = { [K in keyof R as K extends CarriedKey ? K : never]: R[K] };

/** `/v1/x` at the portal is `/api/v1/pue/x` at the branch. */
type ProxyPath<P> = P extends `/v1/${infer Rest}` ? `/api/v1/pue/${Rest}` : never;

/** What a proxy route adds: a description, or headers other than its portal access implies. */
interface ProxyExtra {
  description?: string;
  headers?: z.ZodType;
}

/** The headers a proxy reads: a session route needs the session, a session write its key too. */
function headersFor(portal: RouteDef<PortalAccess>): z.ZodType | undefined {
  if (portal.access !== 'session') return undefined;
  return portal.method === 'GET' ? PueSessionHeader : PueWriteHeaders;
}

/** A kiosk route (tag `pue`, kiosk token) that the branch passes on to the portal route `portal`. */
export function proxyRoute<const R extends RouteDef<PortalAccess>>(
  portal: R,
  summary: string,
  extra: ProxyExtra = {},
): Carried<R> & {
  path: ProxyPath<R['path']>;
  tag: 'pue';
  summary: string;
  description?: string;
  access: typeof access.kioskChannel;
  headers?: z.ZodType;
} {
  if (!portal.path.startsWith('/v1/')) throw new Error(`not a portal path: ${portal.path}`);
  const carried = Object.fromEntries(
    CARRIED.filter((k) => portal[k] !== undefined).map((k) => [k, portal[k]]),
  ) as Carried<R>;
  const path = `/api/v1/pue/${portal.path.slice('/v1/'.length)}` as ProxyPath<R['path']>;
  const headers = extra.headers ?? headersFor(portal);
  return {
    ...carried,
    path,
    tag: 'pue',
    summary,
    ...(extra.description !== undefined && { description: extra.description }),
    access: access.kioskChannel,
    ...(headers && { headers }),
  };
}
