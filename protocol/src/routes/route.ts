import { z } from 'zod';
import type { Principal } from '../http';

/** HTTP methods the SKR APIs use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Who may call a branch route: the principals allowed, or `public` (no token at all). */
export type BranchAccess = readonly Principal[] | 'public';

/**
 * One HTTP route as data: the server registers it, the OpenAPI document describes it and the
 * client calls it, all from this one object. `path` uses `:name` for path parameters.
 */
export interface RouteDef<Access = unknown> {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  /** The area of the API (OpenAPI tag). */
  tag: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  /** Request headers the route reads (documented and validated; other headers pass). */
  headers?: z.ZodType;
  body?: z.ZodType;
  /** Successful answers by status code; `NoContent` for an empty one. */
  responses: Readonly<Record<number, z.ZodType>>;
  /** Media type of a successful answer that is not JSON (e.g. `audio/wav`). */
  produces?: string;
}

/** A set of routes by name. */
export type RouteTable<Access = unknown> = Readonly<Record<string, RouteDef<Access>>>;

/** An empty answer (204). */
export const NoContent = z.undefined().describe('No content');

/** Declares one branch route; keeps its literal types for the server and the client. */
export function branchRoute<const R extends RouteDef<BranchAccess>>(r: R): R {
  return r;
}

/**
 * A family of POST routes that share everything but path and summary (counter actions, ticket
 * actions): give the shared part once, get a function of path and summary.
 */
export function postFamily<
  const S extends Omit<RouteDef<BranchAccess>, 'method' | 'path' | 'summary'>,
>(shared: S) {
  return <const P extends string>(path: P, summary: string) =>
    branchRoute({ method: 'POST', path, summary, ...shared });
}

type Slot<K extends string, R, F extends string> = R extends { [P in F]: infer S extends z.ZodType }
  ? object extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: undefined };

/** What a caller sends to a route: path parameters, query and body, typed from its schemas. */
export type RouteInput<R extends RouteDef> = Slot<'params', R, 'params'> &
  Slot<'query', R, 'query'> &
  Slot<'body', R, 'body'>;

/** What a route answers on success (the union over its success statuses), as parsed. */
export type RouteOutput<R extends RouteDef> = {
  [K in keyof R['responses']]: R['responses'][K] extends z.ZodType
    ? z.output<R['responses'][K]>
    : never;
}[keyof R['responses']];

/** What a handler may return for a route (before the answer is parsed by a client). */
export type RouteReply<R extends RouteDef> = {
  [K in keyof R['responses']]: R['responses'][K] extends z.ZodType
    ? z.input<R['responses'][K]>
    : never;
}[keyof R['responses']];

/** Parsed path parameters, query, body and headers a handler receives. */
export type RouteParsed<R extends RouteDef> = {
  params: R extends { params: infer S extends z.ZodType } ? z.output<S> : Record<string, string>;
  query: R extends { query: infer S extends z.ZodType } ? z.output<S> : unknown;
  body: R extends { body: infer S extends z.ZodType } ? z.output<S> : unknown;
};

/** The parsed parts of route `R` as a Fastify route generic (`FastifyRequest<RouteGeneric<R>>`). */
export interface RouteGeneric<R extends RouteDef> {
  Params: RouteParsed<R>['params'];
  Querystring: RouteParsed<R>['query'];
  Body: RouteParsed<R>['body'];
}

/** `/a/:id/b` → `/a/{id}/b` (OpenAPI's spelling of a path). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Fills `:name` segments from `params`, each URL-encoded; throws if one is missing. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null) throw new Error(`path parameter ${name} is missing`);
    return encodeURIComponent(String(v));
  });
}

/** How a portal route authenticates: none, a client session, or the branch's static key. */
export type PortalAccess = 'public' | 'session' | 'branchKey';

/** Declares one portal route (as the PUE stand-in speaks it). */
export function portalRoute<const R extends RouteDef<PortalAccess>>(r: R): R {
  return r;
}
