import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SkrError } from '../errors';
import { NoContent, type RouteDef } from '../routes/route';
import { createClient } from './create-client';

// A small table and a real Fastify server on port 0 that answers it, well and badly.
const Item = z.object({ id: z.string(), n: z.number().int() });
const table = {
  getItem: {
    method: 'GET',
    path: '/items/:id',
    tag: 't',
    summary: 'one item',
    access: 'public',
    params: z.object({ id: z.string() }),
    query: z.object({ n: z.coerce.number<number | string>().optional() }),
    responses: { 200: Item },
  },
  putItem: {
    method: 'PUT',
    path: '/items/:id',
    tag: 't',
    summary: 'store',
    access: 'public',
    params: z.object({ id: z.string() }),
    body: z.object({ n: z.number().int() }),
    responses: { 201: Item, 204: NoContent },
  },
  slow: {
    method: 'GET',
    path: '/slow',
    tag: 't',
    summary: 's',
    access: 'public',
    responses: { 200: Item },
  },
  wrong: {
    method: 'GET',
    path: '/wrong',
    tag: 't',
    summary: 'w',
    access: 'public',
    responses: { 200: Item },
  },
} as const satisfies Record<string, RouteDef>;

let app: FastifyInstance;
let baseUrl: string;
const seen: { url: string; auth?: string; lang?: string; body?: unknown }[] = [];

beforeAll(async () => {
  app = Fastify();
  app.addHook('onRequest', async (req) => {
    seen.push({
      url: req.url,
      auth: req.headers.authorization,
      lang: req.headers['accept-language'],
    });
  });
  app.get<{ Params: { id: string }; Querystring: { n?: string } }>(
    '/items/:id',
    async (req, reply) => {
      if (req.params.id === 'missing')
        return reply.status(404).send({ code: 'NOT_FOUND', message: 'Nie znaleziono. (missing)' });
      return { id: req.params.id, n: Number(req.query.n ?? 0) };
    },
  );
  app.put<{ Params: { id: string }; Body: { n: number } }>('/items/:id', async (req, reply) => {
    if (req.body.n === 0) return reply.status(204).send();
    if (req.body.n < 0)
      return reply.status(400).send({
        code: 'INVALID',
        message: 'bad n',
        details: { issues: [{ path: 'n', message: 'too small' }] },
      });
    return reply.status(201).send({ id: req.params.id, n: req.body.n });
  });
  app.get('/slow', async () => {
    await new Promise((r) => setTimeout(r, 500));
    return { id: 's', n: 1 };
  });
  app.get('/wrong', async () => ({ id: 1 }));
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app?.close());

describe('createClient', () => {
  it('fills and encodes path params, sends query, token and language, parses the answer', async () => {
    const client = createClient(table, { baseUrl, token: 't0k', lang: 'uk' });
    const item = await client.call('getItem', { params: { id: 'a b/ć' }, query: { n: 7 } });
    expect(item).toEqual({ id: 'a b/ć', n: 7 });
    const last = seen.at(-1)!;
    expect(last.url).toBe('/items/a%20b%2F%C4%87?n=7');
    expect(last.auth).toBe('Bearer t0k');
    expect(last.lang).toBe('uk');
  });

  it('gives the status with the answer, 201 and 204 alike', async () => {
    const client = createClient(table, { baseUrl });
    expect(await client.request('putItem', { params: { id: 'x' }, body: { n: 3 } })).toEqual({
      status: 201,
      data: { id: 'x', n: 3 },
    });
    expect(await client.request('putItem', { params: { id: 'x' }, body: { n: 0 } })).toEqual({
      status: 204,
      data: undefined,
    });
    expect(seen.at(-1)!.auth).toBeUndefined();
  });

  it("rejects with the server's code, message, details and status", async () => {
    const client = createClient(table, { baseUrl });
    const err = await client.call('getItem', { params: { id: 'missing' } }).catch((e) => e);
    expect(err).toBeInstanceOf(SkrError);
    expect(err).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Nie znaleziono. (missing)',
      status: 404,
    });
    const bad = await client
      .call('putItem', { params: { id: 'x' }, body: { n: -1 } })
      .catch((e) => e);
    expect(bad).toMatchObject({ code: 'INVALID', status: 400 });
    expect(bad.details).toEqual({ issues: [{ path: 'n', message: 'too small' }] });
  });

  it('is INTERNAL when a success answer breaks its schema', async () => {
    const err = await createClient(table, { baseUrl })
      .call('wrong')
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'INTERNAL', status: 200 });
  });

  it('is TIMEOUT when the server is slower than timeoutMs', async () => {
    const t0 = Date.now();
    const err = await createClient(table, { baseUrl, timeoutMs: 100 })
      .call('slow')
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - t0).toBeLessThan(450);
  });

  it('is CANCELLED when the caller aborts', async () => {
    const ctl = new AbortController();
    const p = createClient(table, { baseUrl }).call('slow', { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 20);
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('is DISCONNECTED when nothing listens', async () => {
    const other = Fastify();
    const url = await other.listen({ port: 0, host: '127.0.0.1' });
    await other.close();
    const err = await createClient(table, { baseUrl: url })
      .call('slow')
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'DISCONNECTED' });
  });

  it('asks a token function before every call; withToken overrides it', async () => {
    let token: string | undefined = 'one';
    const client = createClient(table, { baseUrl, token: () => token });
    await client.call('getItem', { params: { id: 'a' } });
    expect(seen.at(-1)!.auth).toBe('Bearer one');
    token = undefined;
    await client.call('getItem', { params: { id: 'a' } });
    expect(seen.at(-1)!.auth).toBeUndefined();
    await client.withToken('two').call('getItem', { params: { id: 'a' } });
    expect(seen.at(-1)!.auth).toBe('Bearer two');
  });

  it('is typed from the table (tsc checks these lines)', async () => {
    const client = createClient(table, { baseUrl });
    const ignore = () => undefined;
    // @ts-expect-error: a path parameter of the wrong type
    await client.call('getItem', { params: { id: 1 } }).catch(ignore);
    // @ts-expect-error: no route of that name
    await client.call('nope').catch(ignore);
    // @ts-expect-error: the body is required
    await client.call('putItem', { params: { id: 'x' } }).catch(ignore);
    const n: number = (await client.call('getItem', { params: { id: 'a' } })).n;
    expect(n).toBe(0);
  });
});
