// A clerk's desk in a process of its own (forked by call-to-displays.ts): in a branch the desk is
// another machine. In the server's process its client (the global fetch, ~1.5–2 ms of undici's
// own per request) ran on the server's event loop, and the call's answer was read between the
// fan-out's groups, so the client's work was timed as the server's. Like the kiosk driver, it
// keeps one kept-alive node:http connection. Each request's start is reported on the shared
// wall clock (performance.timeOrigin + now), the clock the display fleet reports on.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** What the clerk's process is asked: POST `path` (no body) with the clerk's token. */
interface Ask {
  id: number;
  path: string;
}

/** A request's answer and when it was sent (shared wall clock, ms). */
export interface ClerkAnswer {
  sentAt: number;
  status: number;
  /** The parsed JSON answer (undefined when empty). */
  body: unknown;
}

/** A clerk's desk in a forked process, POSTing on one kept-alive connection. */
export interface ClerkDesk {
  /** POSTs `path`; rejects after `timeoutMs` (the bench must not hang on a lost answer). */
  post(path: string, timeoutMs?: number): Promise<ClerkAnswer>;
  /** Ends the process and waits for its exit. */
  close(): Promise<void>;
}

/** Forks a clerk's desk for the branch at `url`, signed in with `token`. */
export async function startClerk(url: string, token: string): Promise<ClerkDesk> {
  const child: ChildProcess = fork(new URL(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
  });
  const pending = new Map<number, (a: ClerkAnswer | { error: string }) => void>();
  child.on('message', (m: { id: number } & (ClerkAnswer | { error: string })) => {
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  child.send({ url, token });
  await once(child, 'message');
  let next = 0;
  return {
    post(path, timeoutMs = 30_000) {
      const id = (next += 1);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`clerk: no answer to ${path} in ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, (a) => {
          clearTimeout(timer);
          if ('error' in a) reject(new Error(a.error));
          else resolve(a);
        });
        child.send({ id, path } satisfies Ask);
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}

/** POSTs on `agent`'s connection; resolves with the status and the parsed JSON answer. */
function post(
  agent: Agent,
  url: string,
  token: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text && JSON.parse(text) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.once('message', (start: { url: string; token: string }) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    process.on('message', (m: Ask) => {
      const sentAt = performance.timeOrigin + performance.now();
      post(agent, start.url + m.path, start.token).then(
        (a) => process.send!({ id: m.id, sentAt, ...a }),
        (e: unknown) => process.send!({ id: m.id, error: String(e) }),
      );
    });
    // The bench ended (or died) without closing the desk: do not outlive it.
    process.once('disconnect', () => process.exit(0));
    process.send!({ ready: true });
  });
}
