import { ApiError } from '@skr/protocol';
import type { RouteDef } from '@skr/protocol/routes';
import type { FastifySchema } from 'fastify';

/** What a server says of a route beside its table entry: who may call it and how. */
export interface RouteDocs {
  description?: string;
  /** OpenAPI security requirements ([] on a public route). */
  security: readonly Record<string, string[]>[];
  /** More OpenAPI fields of the operation (`x-roles`, …). */
  extensions?: Record<string, unknown>;
  /** The success answers as documented; default: the table's zod schemas by status. */
  responses?: Record<string, unknown>;
  /** How the document describes a failure (the `default` answer, an ApiError). */
  errorDescription: string;
}

/**
 * The Fastify schema of a table route: its zod params, query, headers and body (validated by
 * the zod validator compiler before the handler runs), its answers, and every failure as an
 * ApiError; `@fastify/swagger` turns the same object into the route's OpenAPI operation.
 */
export function tableRouteSchema(name: string, def: RouteDef, docs: RouteDocs): FastifySchema {
  return {
    operationId: name,
    summary: def.summary,
    ...(docs.description ? { description: docs.description } : {}),
    tags: [def.tag],
    security: docs.security,
    ...docs.extensions,
    ...(def.params ? { params: def.params } : {}),
    ...(def.query ? { querystring: def.query } : {}),
    ...(def.headers ? { headers: def.headers } : {}),
    ...(def.body ? { body: def.body } : {}),
    response: {
      ...(docs.responses ?? def.responses),
      default: ApiError.describe(docs.errorDescription),
    },
  } as FastifySchema;
}
