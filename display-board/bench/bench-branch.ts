// A branch server for the screen benchmarks, in its own process as in a branch (the production
// entry, branch-server/src/main.ts, demo seed, announcer off), so the benchmark's own work —
// Playwright driving ten pages, the clerk's requests — does not run on the server's event loop.
// `inline` keeps the old arrangement (the server inside the benchmark's process) to compare.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceKind } from '@skr/protocol';
import { createClient } from '@skr/protocol/client';
import { branchApi } from '@skr/protocol/routes';
import {
  TEST_PASSWORD,
  callApi,
  loginAt,
  startTestBranch,
  type TestBranch,
} from '../../branch-server/test/harness';
import { startServerProcess } from '../../branch-server/test/process';

/** What the benchmarks use of a branch: its address, raw API calls, sign-in and pairing. */
export interface BenchBranch {
  url: string;
  /** The server's PID when it runs in its own process. */
  pid: number | undefined;
  /** Raw API calls, typed as the test harness's (its answers are read loosely). */
  api: TestBranch['api'];
  login(username: string): Promise<string>;
  device(kind: DeviceKind, name?: string): Promise<string>;
  close(): Promise<void>;
}

/** Where the server runs: its own process (as in a branch) or the benchmark's. */
export type ServerPlace = 'process' | 'inline';

/** Starts a demo branch server for a benchmark; `close` stops it (by its PID) and its data. */
export async function startBenchBranch(place: ServerPlace = 'process'): Promise<BenchBranch> {
  if (place === 'inline') {
    const b = await startTestBranch();
    return {
      url: b.url,
      pid: undefined,
      api: b.api,
      login: b.login,
      device: b.device,
      close: b.close,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'skr-bench-'));
  try {
    const server = await startServerProcess(dir, TEST_PASSWORD, {
      env: { SKR_ANNOUNCER: 'off', SKR_LOG_LEVEL: 'warn' },
      // Compiling the server with tsx takes long on a machine loaded by other work.
      startTimeoutMs: 90_000,
    });
    const { url } = server;
    const tokens = new Map<string, string>();
    async function login(username: string): Promise<string> {
      const kept = tokens.get(username);
      if (kept) return kept;
      const r = await loginAt(url, username, TEST_PASSWORD);
      if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status}`);
      tokens.set(username, r.body.token as string);
      return r.body.token as string;
    }
    return {
      url,
      pid: server.pid,
      api: (method, path, token, body) => callApi(url, method, path, token, body),
      login,
      async device(kind, name = `${kind} bench`) {
        const admin = createClient(branchApi, { baseUrl: url, token: await login('admin') });
        return (await admin.call('pairDevice', { body: { kind, name } })).token;
      },
      async close() {
        // SIGTERM lets it close its database; a server that does not exit in 10 s is killed.
        const stopped = await Promise.race([
          server.kill('SIGTERM').then(() => true),
          new Promise<false>((r) => setTimeout(() => r(false), 10_000).unref()),
        ]);
        if (!stopped) await server.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
