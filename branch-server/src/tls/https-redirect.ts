import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';

/** Where the redirect listens and where it sends browsers. */
interface HttpsRedirectOptions {
  /** Plain HTTP port (80 in production, 0 in tests). */
  port: number;
  host?: string;
  /** Port of the HTTPS server the browser is sent to. */
  httpsPort: number;
  /**
   * Host name put in every Location; when absent the request's Host header is used (checked
   * to be a bare host name or IP address, else the listening address).
   */
  canonicalHost?: string;
}

/** A running HTTP→HTTPS redirect listener. */
export interface HttpsRedirect {
  url: string;
  close(): Promise<void>;
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** The host part of a Host header when it is a plain name or address, else undefined. */
function hostOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^(\[[0-9a-f:.]+\]|[^:]+)(:\d+)?$/i.exec(header.trim());
  const h = m?.[1];
  if (!h) return undefined;
  if (h.startsWith('[')) return isIP(h.slice(1, -1)) === 6 ? h : undefined;
  return isIP(h) || HOST_NAME.test(h) ? h : undefined;
}

/** Where an HTTP request is sent: same host and path on HTTPS. */
function httpsLocation(
  req: Pick<IncomingMessage, 'url' | 'headers'>,
  opts: Pick<HttpsRedirectOptions, 'httpsPort' | 'canonicalHost'> & { fallbackHost: string },
): string {
  let host = opts.canonicalHost ?? hostOf(req.headers.host) ?? opts.fallbackHost;
  if (isIP(host) === 6 && !host.startsWith('[')) host = `[${host}]`;
  const path = req.url?.startsWith('/') && !req.url.startsWith('//') ? req.url : '/';
  const port = opts.httpsPort === 443 ? '' : `:${opts.httpsPort}`;
  return `https://${host}${port}${path}`;
}

/**
 * Serves plain HTTP only as a permanent redirect to HTTPS (308 keeps the method). It never
 * runs a route, so nothing the server knows is ever answered in clear text.
 */
export async function startHttpsRedirect(opts: HttpsRedirectOptions): Promise<HttpsRedirect> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const location = httpsLocation(req, { ...opts, fallbackHost: host });
    res.writeHead(308, {
      location,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'close',
    });
    res.end(`HTTPS: ${location}\n`);
  });
  // Slow clients on the plain port get no more than a few seconds.
  server.headersTimeout = 5000;
  server.requestTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
