// Registers the portal's routes from the route table in protocol/src/routes/portal*.ts: zod
// schemas validate each part before the handler, the declared access is checked first of all,
// and the same table generates the OpenAPI document (openapi.ts).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { tableRouteSchema } from '@skr/http-kit';
import { SkrError } from '@skr/protocol';
import type { PortalAccess, RouteDef, RouteGeneric, RouteReply } from '@skr/protocol/routes';
import type { PueContext } from './context';
import { authenticate } from './sessions';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How the route authenticates (from the portal route table). */
    portalAccess?: PortalAccess;
  }
  interface FastifyRequest {
    /** The profile of the session (session routes) or the branch of the key (branch routes). */
    principal: string | null;
  }
}

/** The request a handler of route `R` receives: parts already parsed by the table's schemas. */
export type PortalRequest<R extends RouteDef> = FastifyRequest<RouteGeneric<R>>;

/** A route's implementation; `principal` is the profile id or branch id its access proved. */
type PortalHandler<R extends RouteDef> = (
  req: PortalRequest<R>,
  reply: FastifyReply,
  principal: string,
) => Promise<RouteReply<R> | FastifyReply> | RouteReply<R> | FastifyReply;

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The branch id of the path after checking that branch's key; UNAUTHORIZED otherwise. */
function authBranch(ctx: PueContext, req: FastifyRequest): string {
  const { branchId } = req.params as { branchId?: string };
  const expected =
    branchId && Object.hasOwn(ctx.branchKeys, branchId) ? ctx.branchKeys[branchId] : undefined;
  const given = req.headers['x-branch-key'];
  if (!branchId || !expected || typeof given !== 'string' || !sameKey(given, expected)) {
    throw new SkrError('UNAUTHORIZED', 'Missing or wrong x-branch-key for this branch');
  }
  return branchId;
}

/**
 * Validation with the table's zod schemas (a failure is INVALID listing each problem, see
 * http-errors.ts) and the access check, run on every request before its body is parsed.
 */
export function installPortalRoutes(app: FastifyInstance, ctx: PueContext): void {
  app.setValidatorCompiler((route) =>
    validatorCompiler(route as Parameters<typeof validatorCompiler>[0]),
  );
  // Answers are plain JSON; the schemas document them and the clients parse them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.portalAccess;
    if (access === 'session') req.principal = authenticate(ctx, req.headers.authorization);
    else if (access === 'branchKey') req.principal = authBranch(ctx, req);
  });
}

const security: Record<PortalAccess, Record<string, string[]>[]> = {
  public: [],
  session: [{ session: [] }],
  branchKey: [{ branchKey: [] }],
};

/** The Fastify schema of a table route: zod parts, success answers, errors as ApiError. */
function schemaOf(name: string, def: RouteDef<PortalAccess>): FastifySchema {
  return tableRouteSchema(name, def, {
    description: def.description,
    security: security[def.access],
    errorDescription: '`{code, message, details?}`',
  });
}

/** Registers one route of the portal table with its handler. */
export function serve<R extends RouteDef<PortalAccess>>(
  app: FastifyInstance,
  name: string,
  def: R,
  handler: PortalHandler<R>,
): void {
  app.route({
    method: def.method,
    url: def.path,
    schema: schemaOf(name, def),
    config: { portalAccess: def.access },
    handler: (req, reply) =>
      handler(req as unknown as PortalRequest<R>, reply, req.principal ?? ''),
  });
}
