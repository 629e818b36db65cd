import type { FastifyInstance } from 'fastify';
import { OPENAPI_UI } from './openapi';

/** A page policy: `sources` (style, image, media, font) over what every page shares. */
function pagePolicy(sources: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ...sources,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The pages the branch serves (desk, manager, display, follow page) are Vite builds with only
 * external scripts and style sheets, so their policy needs no 'unsafe-inline'. Sockets and the
 * API are same-origin; announcement audio may be played from a blob.
 */
const APP_CSP = pagePolicy([
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
]);

/** Swagger UI sets inline styles on its elements; it still runs no inline script. */
const DOCS_CSP = pagePolicy(["style-src 'self' 'unsafe-inline'", "img-src 'self' data:"]);

/** Anything that is not a page (JSON, audio, scripts): nothing may run or frame it. */
const NONE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The Content-Security-Policy for a response to `url` with `contentType`. */
function cspFor(url: string, contentType: string): string {
  if (url === OPENAPI_UI || url.startsWith(`${OPENAPI_UI}/`)) return DOCS_CSP;
  return contentType.includes('text/html') ? APP_CSP : NONE_CSP;
}

/**
 * Security headers on every answer (issue 13): CSP with frame-ancestors 'none' (and the old
 * X-Frame-Options for old browsers), nosniff, no referrer (a follow page's URL holds a ticket id).
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    // A 304 has no content type, and a browser merges its headers into the cached page's: a
    // "none" policy there would blank the desk on its next reload. The cached policy stands.
    if (reply.statusCode !== 304)
      reply.header('content-security-policy', cspFor(req.url.split('?')[0]!, type));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
}
