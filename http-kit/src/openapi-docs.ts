import swagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from 'fastify-type-provider-zod';

type SchemaRegistry = Parameters<typeof createJsonSchemaTransform>[0]['schemaRegistry'];
type Components = NonNullable<NonNullable<FastifyDynamicSwaggerOptions['openapi']>['components']>;

/** What one server's OpenAPI document says of itself, and where it and its page are served. */
export interface OpenApiDocsOptions {
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  securitySchemes: NonNullable<Components['securitySchemes']>;
  /** Named zod schemas: they become components/schemas, referred to by $ref. */
  schemaRegistry: SchemaRegistry;
  /** Path of the JSON document. */
  jsonPath: string;
  /** Path of the browsable reference page. */
  uiPath: string;
}

/**
 * Collects every tagged route into an OpenAPI 3.1 document (zod → JSON Schema by the type
 * provider's transform), served at `jsonPath` with a reference page at `uiPath`. Call before
 * the routes are registered: plugins load in order, so the collector is in place for them.
 * Untagged routes (pages, the document itself) stay out of it.
 */
export function registerOpenApiDocs(app: FastifyInstance, o: OpenApiDocsOptions): void {
  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: o.info,
      servers: o.servers,
      components: { securitySchemes: o.securitySchemes },
    },
    hideUntagged: true,
    transform: createJsonSchemaTransform({ schemaRegistry: o.schemaRegistry }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: o.schemaRegistry }),
  });
  void app.register(swaggerUi, {
    routePrefix: o.uiPath,
    uiHooks: {
      // The page's own /static/index.html redirect keeps a query string and so points at
      // itself (an endless loop); send such a request to the page instead.
      onRequest: async (req, reply) => {
        if (/\/static\/index\.html\?/.test(req.url)) return reply.redirect(`${o.uiPath}/`);
      },
    },
  });
  app.get(o.jsonPath, { schema: { hide: true } }, async () => app.swagger());
}
