import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './security-headers';

/** How often a comment line keeps an idle stream open through proxies and browsers. */
const PING_MS = 15_000;

/**
 * Serves server-sent events at `GET path`: every value `subscribe` hands to `send` is one
 * `data:` message to that client; `subscribe` returns its unsubscribe, called when the client
 * goes. Streams still open are ended when the app closes.
 */
export function registerEventStream<T>(
  app: FastifyInstance,
  path: string,
  subscribe: (send: (data: T) => void) => () => void,
): void {
  const streams = new Set<ServerResponse>();
  // An open event stream would keep the server from closing.
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
  });
  app.get(path, (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const off = subscribe((data) => res.write(`data: ${JSON.stringify(data)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    req.raw.on('close', () => {
      off();
      clearInterval(ping);
      streams.delete(res);
    });
  });
}
