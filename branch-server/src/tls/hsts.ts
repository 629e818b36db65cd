import type { FastifyInstance } from 'fastify';

/** One year: browsers then refuse plain HTTP to the branch server for that long. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** The Strict-Transport-Security value the branch server sends over HTTPS. */
function hstsValue(maxAgeSeconds = HSTS_MAX_AGE_SECONDS): string {
  // No includeSubDomains: the branch host may sit under a domain the branch does not own.
  return `max-age=${maxAgeSeconds}`;
}

/**
 * Adds Strict-Transport-Security to every answer of an HTTPS app, errors and 404s included
 * (browsers ignore the header over plain HTTP, so it is only installed on an HTTPS server).
 */
export function installHsts(app: FastifyInstance, maxAgeSeconds = HSTS_MAX_AGE_SECONDS): void {
  const value = hstsValue(maxAgeSeconds);
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('strict-transport-security', value);
    return payload;
  });
}
