import { tableRouteSchema } from '@skr/http-kit';
import type { Principal } from '@skr/protocol';
import type { BranchAccess, RouteDef, RouteParsed, RouteReply } from '@skr/protocol/routes';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RouteShorthandOptions,
} from 'fastify';
import type { Caller } from '../auth';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (from the route table); absent on pages and the docs. */
    access?: BranchAccess;
  }
  interface FastifyRequest {
    /** The authenticated caller (set by the access hook; null on public routes). */
    caller: Caller | null;
  }
}

/** The request a handler of route `R` receives: params, query and body already parsed. */
export type ApiRequest<R extends RouteDef> = FastifyRequest<{
  Params: RouteParsed<R>['params'];
  Querystring: RouteParsed<R>['query'];
  Body: RouteParsed<R>['body'];
}>;

/** The caller a handler receives: none on a public route. */
export type CallerOf<R extends RouteDef> = R['access'] extends 'public' ? null : Caller;

/** A route's implementation: answers its success schema, or sends a reply itself. */
export type ApiHandler<R extends RouteDef> = (
  req: ApiRequest<R>,
  reply: FastifyReply,
  caller: CallerOf<R>,
) => Promise<RouteReply<R> | FastifyReply> | RouteReply<R> | FastifyReply;

/** Server-side options of one route that the table does not carry (rate limit, body limit). */
export type ApiRouteOptions = Pick<RouteShorthandOptions, 'bodyLimit'> & {
  config?: Record<string, unknown>;
};

/** The roles line of a route's description. */
function rolesText(access: BranchAccess): string {
  return access === 'public' ? 'Public: no token.' : `Roles: ${access.join(', ')}.`;
}

/** The Fastify schema of a table route: zod parts, success answers, errors as ApiError. */
function fastifySchemaOf(name: string, def: RouteDef<BranchAccess>): FastifySchema {
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(def.responses)) {
    responses[status] = def.produces
      ? { description: 'OK', content: { [def.produces]: { schema } } }
      : schema;
  }
  const roles: readonly Principal[] = def.access === 'public' ? [] : def.access;
  return tableRouteSchema(name, def, {
    description: [def.description, rolesText(def.access)].filter(Boolean).join('\n\n'),
    security: def.access === 'public' ? [] : [{ bearer: [] }],
    extensions: { 'x-roles': roles },
    responses,
    errorDescription: 'Any failure: `{code, message, details?}`',
  });
}

/**
 * Registers one route of the table: its schemas (validated by the zod validator compiler
 * before the handler runs), its access (checked by the access hook before the body is even
 * parsed) and its handler, which gets the caller.
 */
export function serve<R extends RouteDef<BranchAccess>>(
  app: FastifyInstance,
  name: string,
  def: R,
  handler: ApiHandler<R>,
  opts: ApiRouteOptions = {},
): void {
  app.route({
    method: def.method,
    url: def.path,
    schema: fastifySchemaOf(name, def),
    ...(opts.bodyLimit === undefined ? {} : { bodyLimit: opts.bodyLimit }),
    config: { ...opts.config, access: def.access },
    handler: (req, reply) =>
      handler(req as unknown as ApiRequest<R>, reply, req.caller as CallerOf<R>),
  });
}
