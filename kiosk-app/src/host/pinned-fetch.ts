import { Agent, request } from 'node:https';
import { Readable } from 'node:stream';

/**
 * A `fetch` for the kiosk host's calls to its branch that trusts only the branch CA (issue 13):
 * an HTTPS agent with `ca:` the branch CA's PEM, so neither the system store nor
 * NODE_EXTRA_CA_CERTS can make it accept another server. Host names are checked against the
 * certificate as usual. Only `https:` URLs: a plain-HTTP branch is refused outright.
 */
export function pinnedFetch(caPem: string | Buffer): typeof fetch {
  const agent = new Agent({ ca: caPem, keepAlive: true, maxSockets: 8 });
  const pinned = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.protocol !== 'https:')
      throw new TypeError(`the branch CA is pinned: ${url.origin} is not HTTPS`);
    const headers = new Headers(init.headers);
    const body =
      init.body === undefined || init.body === null
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : Buffer.from(await new Response(init.body).arrayBuffer());
    if (body !== undefined) headers.set('content-length', String(Buffer.byteLength(body)));
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      const req = request(
        url,
        { method: init.method ?? 'GET', headers: Object.fromEntries(headers), agent, signal },
        (res) => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
          const status = res.statusCode ?? 502;
          const noBody = status === 204 || status === 304 || init.method === 'HEAD';
          resolve(
            new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream), {
              status,
              statusText: res.statusMessage,
              headers: out,
            }),
          );
        },
      );
      // As fetch does: a TLS or connection failure is a TypeError with the reason as cause,
      // an abort rejects with the signal's reason (TimeoutError for AbortSignal.timeout).
      req.on('error', (err) => {
        if (signal?.aborted) reject(signal.reason);
        else reject(new TypeError('fetch failed', { cause: err }));
      });
      req.end(body);
    });
  };
  return pinned as typeof fetch;
}
