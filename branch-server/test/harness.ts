import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import type {
  BranchEvent,
  ClientToServerEvents,
  DeviceKind,
  QueueSnapshot,
  ServerToClientEvents,
  SocketNamespace,
} from '@skr/protocol';
import { createClient, type ApiClient } from '@skr/protocol/client';
import { branchApi, type BranchApi } from '@skr/protocol/routes';
import { buildServer, type BranchServer, type ServerOptions } from '../src/http/server';

/** The password of every demo user in tests. */
export const TEST_PASSWORD = 'test-password-1234';

/** A typed socket.io client of one namespace. */
export type BranchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Answer of an API call: status and parsed JSON body (undefined for 204). */
export interface ApiResult<T = any> {
  status: number;
  body: T;
}

/**
 * Calls the API at `url` with an optional bearer token, JSON body and extra headers, as raw as it gets: for
 * tests that send what no typed client would (bad bodies, unknown paths). Everything else uses
 * the typed client (`TestBranch.client`).
 */
export async function callApi<T = any>(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  // Pages (the API reference) answer HTML or YAML; every API answer is JSON.
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : undefined };
}

/** A connected client with everything it received since before the connection. */
export interface RecordingSocket {
  socket: BranchSocket;
  events: BranchEvent[];
  snapshots: QueueSnapshot[];
  resumed: { fromSeq: number; toSeq: number }[];
  close(): void;
}

/**
 * Connects a socket.io client to a namespace, recording from the first packet (the server
 * sends the snapshot or the replay right after the handshake); rejects if refused.
 */
export function connectSocket(
  url: string,
  ns: SocketNamespace,
  token: string,
  lastSeq?: number,
): Promise<RecordingSocket> {
  const socket: BranchSocket = ioClient(url + ns, {
    auth: lastSeq === undefined ? { token } : { token, lastSeq },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const rec: RecordingSocket = {
    socket,
    events: [],
    snapshots: [],
    resumed: [],
    close: () => socket.close(),
  };
  socket.on('event', (e) => rec.events.push(e));
  socket.on('snapshot', (s) => rec.snapshots.push(s));
  socket.on('resumed', (r) => rec.resumed.push(r));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(rec));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

/** Polls `cond` every 5 ms until true; throws after `ms`. */
export async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Signs in at the branch at `url` over plain HTTP; the answer, whatever it is (tests of refusals). */
export function loginAt(
  url: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<ApiResult> {
  return callApi(url, 'POST', '/api/v1/auth/login', undefined, { username, password });
}

/** Rows of `sql` from the branch database in `dir`, read through a second, read-only connection. */
export function queryBranchDb<T = Record<string, unknown>>(
  dir: string,
  sql: string,
  ...params: unknown[]
): T[] {
  const db = new Database(join(dir, 'branch.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/**
 * A branch server on a loopback port (random unless `port` is given, e.g. to restart on the
 * same address) with a temporary database and the demo seed.
 */
export async function startTestBranch(
  opts: Partial<ServerOptions> & { dir?: string; port?: number } = {},
) {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'skr-test-'));
  const { port = 0, ...serverOpts } = opts;
  const server: BranchServer = await buildServer({
    dbPath: join(dir, 'branch.sqlite'),
    demoPassword: TEST_PASSWORD,
    loginRateLimit: 1000,
    // Every answer a test provokes is checked against the route table's schemas.
    checkResponses: true,
    ...serverOpts,
  });
  const url = await server.listen(port, '127.0.0.1');
  const tokens = new Map<string, string>();
  const sockets: RecordingSocket[] = [];
  const api = <T = any>(method: string, path: string, token?: string, body?: unknown) =>
    callApi<T>(url, method, path, token, body);
  /** The typed client of this branch (the one every app uses), signed in with `token`. */
  const client = (token?: string): ApiClient<BranchApi> =>
    createClient(branchApi, { baseUrl: url, token, timeoutMs: 30_000 });
  async function login(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached) return cached;
    const { token } = await client().call('login', {
      body: { username, password: TEST_PASSWORD },
    });
    tokens.set(username, token);
    return token;
  }
  async function device(kind: DeviceKind, name = `${kind} test`): Promise<string> {
    const admin = client(await login('admin'));
    return (await admin.call('pairDevice', { body: { kind, name } })).token;
  }
  async function socket(ns: SocketNamespace, token: string, lastSeq?: number) {
    const s = await connectSocket(url, ns, token, lastSeq);
    sockets.push(s);
    return s;
  }
  return {
    url,
    dir,
    server,
    branch: server.branch,
    api,
    client,
    login,
    /** Signs in without the typed client (which throws on refusals): the raw answer. */
    tryLogin: (username: string, password = TEST_PASSWORD) => loginAt(url, username, password),
    /** A new session on every call (`login` caches one; a session does not outlive a moved clock). */
    async freshLogin(username: string): Promise<string> {
      const r = await loginAt(url, username);
      if (r.status !== 200) throw new Error(`sign-in of ${username} refused: ${r.status}`);
      return r.body.token as string;
    },
    /** Rows of `sql` from this branch's database (a second, read-only connection). */
    query: <T = Record<string, unknown>>(sql: string, ...params: unknown[]) =>
      queryBranchDb<T>(dir, sql, ...params),
    device,
    socket,
    /** Stops the server; `keepData` leaves the database for a restart. */
    async close(keepData = false) {
      for (const s of sockets) s.close();
      await server.close();
      if (!keepData && !opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type TestBranch = Awaited<ReturnType<typeof startTestBranch>>;

/**
 * One test branch for the whole file: started in `beforeAll`, closed in `afterAll`. The returned
 * object forwards to it, so tests read `b.api(...)` as if they held the branch itself.
 */
export function sharedTestBranch(opts: Parameters<typeof startTestBranch>[0] = {}): TestBranch {
  let started: TestBranch | undefined;
  beforeAll(async () => {
    started = await startTestBranch(opts);
  });
  afterAll(() => started?.close());
  // A proxy because the branch exists only once beforeAll has run, after the file is loaded.
  return new Proxy({} as TestBranch, {
    get(_target, key) {
      if (!started) throw new Error('the shared test branch starts in beforeAll');
      return Reflect.get(started, key);
    },
  });
}
