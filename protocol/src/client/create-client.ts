import type { z } from 'zod';
import { SkrError } from '../errors';
import {
  fillPath,
  type RouteDef,
  type RouteInput,
  type RouteOutput,
  type RouteTable,
} from '../routes/route';
import type { CallExtras, ClientOptions } from './call-options';
import { failureOf, noAnswer } from './http-failure';

/** What one call takes: the route's params, query and body, plus per-call extras. */
export type CallInput<R extends RouteDef> = RouteInput<R> & CallExtras;

type Args<R extends RouteDef> =
  object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

/** A typed client of one route table. Every failure rejects with SkrError. */
export interface ApiClient<T extends RouteTable> {
  /** Calls a route by name; resolves with its answer parsed by the route's schema. */
  call<N extends keyof T & string>(name: N, ...args: Args<T[N]>): Promise<RouteOutput<T[N]>>;
  /** As `call`, with the HTTP status (routes answering 200 or 201, or 204). */
  request<N extends keyof T & string>(
    name: N,
    ...args: Args<T[N]>
  ): Promise<{ status: number; data: RouteOutput<T[N]> }>;
  /** The same client with another bearer token. */
  withToken(token: string | undefined): ApiClient<T>;
}

/** A call's input as the implementation sees it (the public signature types it per route). */
type LooseInput = { params?: unknown; query?: unknown; body?: unknown } & CallExtras;

const resolve = <V>(v: V | (() => V)): V => (typeof v === 'function' ? (v as () => V)() : v);

function queryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.append(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A client built from a route table: `client.call('issueTicket', { body })`. It sends the
 * bearer token, the language and JSON; gives up after `timeoutMs` (TIMEOUT); a network failure
 * is DISCONNECTED; an error answer carries the server's code and message; a success answer that
 * does not match the route's schema is INTERNAL. Uses only fetch and AbortController.
 */
export function createClient<T extends RouteTable>(table: T, opts: ClientOptions): ApiClient<T> {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));

  async function request(name: string, input: LooseInput = {}) {
    const def = table[name];
    if (!def) throw new Error(`no route named ${name}`);
    const route = `${def.method} ${def.path}`;
    const url =
      base +
      fillPath(def.path, input.params as Record<string, unknown> | undefined) +
      queryString(input.query);
    const token = input.token ?? (opts.token === undefined ? undefined : resolve(opts.token));
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': opts.lang === undefined ? 'pl' : resolve(opts.lang),
      ...opts.headers,
      ...input.headers,
    };
    if (token) headers.authorization = `Bearer ${token}`;
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        ctl.abort();
      },
      input.timeoutMs ?? opts.timeoutMs ?? 10_000,
    );
    const onAbort = () => ctl.abort();
    input.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let res: Response;
      try {
        res = await doFetch(url, {
          method: def.method,
          headers,
          body: input.body === undefined ? undefined : JSON.stringify(input.body),
          signal: ctl.signal,
        });
      } catch (e) {
        if (input.signal?.aborted) throw new SkrError('CANCELLED', `${route}: cancelled`);
        throw noAnswer(e, timedOut, route);
      }
      let body: unknown;
      try {
        body = await readBody(res);
      } catch (e) {
        throw noAnswer(e, timedOut, route);
      }
      if (!res.ok) throw failureOf(res.status, body, route);
      const schema: z.ZodType | undefined = def.responses[res.status];
      if (!schema)
        throw new SkrError('INTERNAL', `${route}: unexpected status ${res.status}`, {
          status: res.status,
        });
      if (def.produces) return { status: res.status, data: body };
      const parsed = schema.safeParse(body);
      if (!parsed.success)
        throw new SkrError('INTERNAL', `${route}: the answer does not match its schema`, {
          cause: parsed.error,
          status: res.status,
          details: {
            issues: parsed.error.issues.map((i) => ({
              path: i.path.join('.'),
              message: i.message,
            })),
          },
        });
      return { status: res.status, data: parsed.data };
    } finally {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
    }
  }

  const client = {
    request,
    call: async (name: string, input?: LooseInput) => (await request(name, input)).data,
    withToken: (token: string | undefined) => createClient(table, { ...opts, token }),
  };
  return client as unknown as ApiClient<T>;
}
