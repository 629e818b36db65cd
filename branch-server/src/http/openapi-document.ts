import { buildServer } from './server';

/**
 * The OpenAPI 3.1 document of the branch API without listening anywhere: a server on an
 * in-memory database (no pages, no portal) is built, asked for its document and closed.
 */
export async function branchOpenApi() {
  const server = await buildServer({ dbPath: ':memory:', serveApps: false });
  try {
    await server.app.ready();
    return server.app.swagger();
  } finally {
    await server.close();
  }
}
