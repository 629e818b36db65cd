import type { Principal } from '@skr/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../src/sim/prng';
import { mutate, randomBytes, randomValue } from './fuzz-gen';
import { checkBranchDb } from './fuzz-invariants';
import { startTestBranch, type TestBranch } from './harness';
import { routeCases } from './security-matrix';
import { demoServiceIds } from '../src/seed/demo-branch';

// ≥ 10,000 random and malformed requests over every route, seeded so a failure replays
// (SKR_FUZZ_SEED=<n> to try another seed, SKR_FUZZ_CASES to run more). The server must answer
// every one with a clear error (JSON {code, message}, never a 5xx other than UNAVAILABLE for
// the absent portal and announcer), stay up, and keep its database consistent.
const SEED = Number(process.env.SKR_FUZZ_SEED ?? 20261123);
const CASES = Number(process.env.SKR_FUZZ_CASES ?? 10_000);
const PARALLEL = 16;

let b: TestBranch;
const tokens = new Map<Principal, string>();
const ticketIds: string[] = [];
beforeAll(async () => {
  b = await startTestBranch({ serveApps: false });
  tokens.set('admin', await b.login('admin'));
  tokens.set('manager', await b.login('kierownik'));
  tokens.set('clerk', await b.login('urzednik1'));
  for (const kind of ['kiosk', 'display', 'board'] as const) tokens.set(kind, await b.device(kind));
});
afterAll(() => b?.close());

const services = demoServiceIds;
const actions = ['recall', 'start', 'finish', 'no-show', 'park', 'return', 'transfer', 'cancel'];

/** Valid requests (then mutated) so that the fuzz also reaches deep into the use cases. */
function template(rng: Rng): {
  method: string;
  path: string;
  body?: Record<string, unknown>;
  role: Principal;
} {
  const counter = 1 + rng.int(12);
  const ticket = ticketIds.length ? rng.pick(ticketIds) : 'none';
  switch (rng.int(7)) {
    case 0:
    case 1:
      return {
        method: 'POST',
        path: '/api/v1/tickets',
        role: 'kiosk',
        body: {
          serviceId: rng.pick(services),
          lang: rng.pick(['pl', 'en', 'uk']),
          ...(rng.next() < 0.1 ? { priority: 'senior' } : {}),
        },
      };
    case 2:
      return {
        method: 'POST',
        path: `/api/v1/counters/${counter}/${rng.pick(['open', 'call-next', 'call-next', 'pause', 'close'])}`,
        role: 'clerk',
        body: { reason: 'przerwa' },
      };
    case 3:
      return {
        method: 'POST',
        path: `/api/v1/tickets/${ticket}/${rng.pick(actions)}`,
        role: 'clerk',
        body:
          rng.next() < 0.5
            ? { serviceId: rng.pick(services), position: rng.pick(['front', 'end']) }
            : { counterId: counter, position: 'end' },
      };
    case 4:
      return {
        method: 'POST',
        path: '/api/v1/bookings',
        role: 'manager',
        body: {
          code: `FZ${rng.int(10_000)}`,
          serviceId: rng.pick(services),
          bookedFor: new Date(Date.now() + (rng.int(120) - 30) * 60_000).toISOString(),
        },
      };
    case 5:
      return {
        method: 'POST',
        path: '/api/v1/devices/status',
        role: 'kiosk',
        body: { component: 'printer', ok: rng.next() < 0.5, code: 'PAPER_OUT' },
      };
    default:
      // Reads; logins are few on purpose (each is a deliberately slow scrypt).
      return {
        method: 'GET',
        path: rng.pick(['/api/v1/queue', '/api/v1/events?since=0&limit=50', '/api/v1/counters']),
        role: 'display',
      };
  }
}

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
];

/** Percent-encodes; a lone surrogate becomes invalid UTF-8 on purpose (the server must cope). */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

interface Case {
  n: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function makeCase(rng: Rng, n: number): Case {
  let method: string;
  let path: string;
  let body: unknown;
  let role: Principal | 'none' | 'garbage';
  if (rng.next() < 0.45) {
    const t = template(rng);
    method = t.method;
    path = t.path;
    body = t.body && rng.next() < 0.7 ? mutate(rng, t.body) : t.body;
    role = rng.next() < 0.85 ? t.role : rng.pick(['admin', 'display', 'none'] as const);
  } else {
    const c = rng.pick(routeCases);
    method = rng.next() < 0.9 ? c.method : rng.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
    path = c.path;
    if (rng.next() < 0.3) {
      const segs = path.split('/');
      segs[3 + rng.int(Math.max(1, segs.length - 3))] = enc(String(randomValue(rng, 0)));
      path = segs.join('/');
    }
    if (rng.next() < 0.1)
      path += `?${rng.pick(['since', 'limit', 'period', 'date', 'role', 'before'])}=${enc(String(randomValue(rng, 0)))}`;
    body = rng.next() < 0.7 ? randomValue(rng) : c.body;
    const who = c.who === 'anyone' ? ['admin' as const] : c.who;
    role =
      rng.next() < 0.7
        ? rng.pick(who)
        : rng.pick(['admin', 'clerk', 'kiosk', 'display', 'board', 'none', 'garbage'] as const);
  }
  const headers: Record<string, string> = {};
  if (role === 'garbage')
    headers.authorization = rng.pick([
      'Bearer ',
      'Bearer x',
      'Basic abc',
      'bearer ' + 'a'.repeat(500),
    ]);
  else if (role !== 'none') headers.authorization = `Bearer ${tokens.get(role)}`;
  if (rng.next() < 0.1) headers['accept-language'] = rng.pick(['en', 'uk', 'de', '', '*;q=0']);
  let raw: string | Uint8Array | undefined;
  const shape = rng.next();
  if (method === 'GET' || method === 'HEAD') raw = undefined;
  else if (shape < 0.75 && body !== undefined) raw = JSON.stringify(body);
  else if (shape < 0.9) raw = randomBytes(rng, 300);
  else
    raw = rng.pick(['{', '{"a":', '[1,2', 'null', '"x"', '{"__proto__":{"admin":true}}', '\u0000']);
  if (raw !== undefined)
    headers['content-type'] = rng.next() < 0.85 ? 'application/json' : rng.pick(contentTypes);
  return { n, method, path, headers, body: raw };
}

describe(`HTTP fuzz (seed ${SEED}, ${CASES} cases)`, () => {
  it('answers every case with a clear error or a success, stays up and consistent', async () => {
    const rng = createRng(SEED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let start = 0; start < CASES; start += PARALLEL) {
      const batch = Array.from({ length: Math.min(PARALLEL, CASES - start) }, (_, i) =>
        makeCase(rng, start + i),
      );
      await Promise.all(
        batch.map(async (c) => {
          const res = await fetch(b.url + c.path, {
            method: c.method,
            headers: c.headers,
            body: c.body,
          });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const fail = (why: string) =>
            failures.push(
              `#${c.n} ${res.status} ${why}: ${c.method} ${c.path.slice(0, 80)} → ${text.slice(0, 200)}`,
            );
          let json:
            | { code?: unknown; message?: unknown; ticket?: { id?: string }; id?: string }
            | undefined;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            // Audio, and the public status page with its style sheet, are not JSON by design.
            if (!/^(audio\/|text\/html|text\/css)/.test(res.headers.get('content-type') ?? ''))
              return fail('answer is not JSON');
          }
          if (res.status >= 500 && !(json?.code === 'UNAVAILABLE' || json?.code === 'TIMEOUT'))
            return fail('server error');
          // Node's HTTP parser refuses an oversized head (431) before any route runs; Fastify
          // answers it as {error, message, statusCode}: clear, though not our {code} shape.
          const parserError =
            res.status === 431 && typeof (json as { error?: unknown })?.error === 'string';
          if (
            res.status >= 400 &&
            !parserError &&
            (typeof json?.code !== 'string' || typeof json?.message !== 'string')
          )
            return fail('error without code and message');
          if (/\.ts:\d+|at [A-Za-z.]+ \(/.test(text)) return fail('stack trace in the answer');
          if (res.status < 300 && json?.id && c.path === '/api/v1/tickets') ticketIds.push(json.id);
        }),
      );
      if (failures.length > 20) break;
    }
    expect(failures).toEqual([]);
    // The fuzz reached the use cases, not only the validators.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(200);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(500);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(1000);
    const health = await b.api('GET', '/api/v1/health');
    expect(health.status).toBe(200);
    const check = checkBranchDb(`${b.dir}/branch.sqlite`);
    expect(check.problems).toEqual([]);
    expect(check.tickets).toBeGreaterThan(200);
    // Memory agrees with the database after all that.
    const q = await b.api('GET', '/api/v1/queue', tokens.get('manager'));
    const waitingInDb = (
      await b.api('GET', `/api/v1/events?since=0&limit=1`, tokens.get('manager'))
    ).status;
    expect(waitingInDb).toBe(200);
    expect(q.body.seq).toBe(check.events);
  }, 120_000);
});
