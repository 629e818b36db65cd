// The portal's OpenAPI document without listening anywhere: an emulator on an in-memory
// database is built, asked for its document and closed.
import type { FastifyInstance } from 'fastify';
import { inMemoryPortal } from './in-memory-portal';

/** The OpenAPI 3.1 document of the portal as the emulator registers it. */
export async function portalOpenApi(): Promise<ReturnType<FastifyInstance['swagger']>> {
  return (await inspectPortal()).document;
}

/** The document and every route (`METHOD /path`, HEAD left out) the emulator registers. */
export async function inspectPortal(): Promise<{
  document: ReturnType<FastifyInstance['swagger']>;
  routes: string[];
}> {
  const { app, close } = inMemoryPortal();
  const routes: string[] = [];
  // The route plugins load at ready(), after this hook is in place.
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
  });
  try {
    await app.ready();
    return { document: app.swagger(), routes };
  } finally {
    await close();
  }
}
