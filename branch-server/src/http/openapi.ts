import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from 'fastify-type-provider-zod';
import { branchComponents } from '@skr/protocol/routes/components';

/** Where the generated document and its browsable page are served. */
const OPENAPI_JSON = '/api/v1/openapi.json';
export const OPENAPI_UI = '/api/v1/docs';

/**
 * Collects every table route into an OpenAPI 3.1 document (zod → JSON Schema by the type
 * provider's transform). Must be registered before the routes. Pages (desk, display, /q/:id)
 * carry no tag and stay out of it.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SKR branch server API',
        version,
        description:
          'HTTP API of the branch queue server, generated from the route table in ' +
          'protocol/src/routes/ (do not edit by hand). Every failure answers ' +
          '`{code, message, details?}` in the language of `Accept-Language` (pl, en, uk). ' +
          'Events and resumption over socket.io: docs/api.md.',
      },
      servers: [{ url: 'http://127.0.0.1:8080', description: 'branch server (npm start)' }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'staff session (POST /api/v1/auth/login) or paired device token',
          },
        },
      },
    },
    hideUntagged: true,
    // Named schemas become components/schemas, referred to by $ref.
    transform: createJsonSchemaTransform({ schemaRegistry: branchComponents }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: branchComponents }),
  });
  await app.register(swaggerUi, {
    routePrefix: OPENAPI_UI,
    uiHooks: {
      // The page's own /static/index.html redirect keeps a query string and so points at
      // itself (an endless loop); send such a request to the page instead.
      onRequest: async (req, reply) => {
        if (/\/static\/index\.html\?/.test(req.url)) return reply.redirect(`${OPENAPI_UI}/`);
      },
    },
  });
  app.get(OPENAPI_JSON, { schema: { hide: true } }, async () => app.swagger());
}
