import type { FastifyInstance } from 'fastify';
import { registerOpenApiDocs } from '@skr/http-kit';
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
  registerOpenApiDocs(app, {
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
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: 'staff session (POST /api/v1/auth/login) or paired device token',
      },
    },
    schemaRegistry: branchComponents,
    jsonPath: OPENAPI_JSON,
    uiPath: OPENAPI_UI,
  });
  // Both plugins loaded before the routes come (as the awaited registrations did before).
  await app.after();
}
