import type { FastifyServerOptions } from 'fastify';

/**
 * A URL with every query value replaced by `[redacted]`: a screen opens `/display/?token=…`
 * once, and a credential in a URL must not reach the log at info level (issue 13). Names stay,
 * so a log still tells which parameters a request carried.
 */
export function redactQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? part : `${part.slice(0, eq)}=[redacted]`;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

/** Fastify's request serializer, with the query string's values redacted. */
function requestSerializer(req: {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: redactQuery(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** Makes each request's logger serialize `req` without query values (`childLoggerFactory`). */
export const redactingChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  opts,
) =>
  logger.child(bindings, {
    ...opts,
    serializers: { ...opts.serializers, req: requestSerializer },
  });
