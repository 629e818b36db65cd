import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBranchCa, makeServerCert } from '../src/tls';
import { TEST_PASSWORD, until } from './harness';

// Issue 13: the production entry (src/main.ts) serves HTTPS from configuration alone:
// SKR_TLS_CERT and SKR_TLS_KEY, with a CA made in the test that the client trusts.
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'skr-tls-entry-'));
let child: ChildProcess;
let log = '';
let url = '';
let caPem: Buffer;
beforeAll(async () => {
  const ca = await makeBranchCa({ dir: join(dir, 'ca'), name: 'SKR Entry Test CA' });
  const cert = await makeServerCert({
    dir: join(dir, 'ca'),
    ca,
    hosts: ['localhost', '127.0.0.1'],
  });
  caPem = readFileSync(ca.certPath);
  child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      SKR_DATA_DIR: join(dir, 'data'),
      SKR_PORT: '0',
      SKR_SEED: 'demo',
      SKR_DEMO_PASSWORD: TEST_PASSWORD,
      SKR_ANNOUNCER: 'off',
      SKR_TLS_CERT: cert.certPath,
      SKR_TLS_KEY: cert.keyPath,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await until(
    () => /SKR branch server: (\S+:\/\/\S+)/.test(log) || child.exitCode !== null,
    30_000,
  );
  url = /SKR branch server: (\S+:\/\/\S+)/.exec(log)?.[1] ?? '';
}, 60_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the production entry serves HTTPS from configuration (issue 13)', () => {
  it('announces an https URL and answers over TLS trusting only the branch CA', async () => {
    expect(url, log).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await new Promise<{ status: number; hsts: string; body: string }>(
      (resolve, reject) => {
        get(`${url}/api/v1/health`, { ca: caPem }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              hsts: String(res.headers['strict-transport-security'] ?? ''),
              body,
            }),
          );
        }).on('error', reject);
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.hsts).toContain('max-age=');
    expect(JSON.parse(answer.body)).toHaveProperty('status');
    // Without the branch CA the client refuses the certificate.
    const untrusted = await new Promise<string>((resolve) => {
      get(`${url}/api/v1/health`, () => resolve('connected')).on('error', (e) =>
        resolve((e as NodeJS.ErrnoException).code ?? 'error'),
      );
    });
    expect(untrusted).not.toBe('connected');
  });
});
