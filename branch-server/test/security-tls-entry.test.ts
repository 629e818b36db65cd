import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBranchCa, makeServerCert } from '../src/tls';
import { TEST_PASSWORD } from './harness';
import { startServerProcess, type ServerProcess } from './process';

// Issue 13: the production entry (src/main.ts) serves HTTPS from configuration alone:
// SKR_TLS_CERT and SKR_TLS_KEY, with a CA made in the test that the client trusts.
const dir = mkdtempSync(join(tmpdir(), 'skr-tls-entry-'));
let server: ServerProcess | undefined;
let failure = '';
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
  // A server that does not come up is reported by the test below, with what it printed.
  server = await startServerProcess(join(dir, 'data'), TEST_PASSWORD, {
    startTimeoutMs: 30_000,
    env: { SKR_TLS_CERT: cert.certPath, SKR_TLS_KEY: cert.keyPath },
  }).catch((e: Error) => ((failure = e.message), undefined));
  url = server?.url ?? '';
}, 60_000);
afterAll(async () => {
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('the production entry serves HTTPS from configuration (issue 13)', () => {
  it('announces an https URL and answers over TLS trusting only the branch CA', async () => {
    expect(url, server?.output() ?? failure).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
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
