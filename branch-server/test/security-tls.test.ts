// TLS on the branch network (issue 13): the server speaks HTTPS with a certificate from a branch
// CA made here with openssl, clients that trust that CA get through (HTTP API and socket.io over
// wss), clients that do not are refused, every HTTPS answer carries HSTS, and plain HTTP only
// redirects.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type BranchServer } from '../src/http/server';
import {
  certificateHosts,
  loadTls,
  makeBranchCa,
  makeServerCert,
  type CertFiles,
} from '../src/tls';
import { TEST_PASSWORD } from './harness';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request trusting only `ca` (no system CAs, so an unrelated CA is refused). */
function get(
  url: string,
  ca: Buffer | string,
  init: { method?: string; body?: unknown; servername?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const req = httpsRequest(
      url,
      {
        method: init.method ?? 'GET',
        ca,
        ...(init.servername ? { servername: init.servername } : {}),
        headers: body ? { 'content-type': 'application/json' } : {},
        timeout: 5000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

/** One plain-HTTP request (the redirect listener). */
function plain(url: string, method = 'GET', body?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(url, { method, timeout: 5000 }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'skr-tls-'));
let ca: CertFiles;
let otherCa: CertFiles;
let caPem: Buffer;
let server: BranchServer;
let url: string;

beforeAll(async () => {
  ca = await makeBranchCa({ dir: join(dir, 'branch'), name: 'SKR Test Branch CA' });
  otherCa = await makeBranchCa({ dir: join(dir, 'other'), name: 'Somebody Else CA' });
  const cert = await makeServerCert({
    dir: join(dir, 'branch'),
    ca,
    hosts: ['localhost', '127.0.0.1'],
  });
  const tls = await loadTls(cert.certPath, cert.keyPath);
  caPem = readFileSync(ca.certPath);
  server = await buildServer({
    dbPath: join(dir, 'branch.sqlite'),
    demoPassword: TEST_PASSWORD,
    serveApps: false,
    https: tls,
    httpRedirect: { port: 0 },
  });
  url = await server.listen(0, '127.0.0.1');
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS with a branch CA', () => {
  it('makes a server certificate for the given names and addresses', async () => {
    const tls = await loadTls(join(dir, 'branch', 'server.crt'), join(dir, 'branch', 'server.key'));
    expect(certificateHosts(tls.cert)).toEqual(['localhost', '127.0.0.1']);
    // Private keys are owner-only from the moment they exist.
    for (const key of ['ca.key', 'server.key'])
      expect(statSync(join(dir, 'branch', key)).mode & 0o077, key).toBe(0);
    expect(new Date(tls.notAfter).getTime()).toBeGreaterThan(Date.now() + 800 * 86_400_000);
  });

  it('serves the API over HTTPS to a client trusting the branch CA, with HSTS', async () => {
    expect(url.startsWith('https://127.0.0.1:')).toBe(true);
    const health = await get(`${url}/api/v1/health`, caPem);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    const login = await get(`${url}/api/v1/auth/login`, caPem, {
      method: 'POST',
      body: { username: 'admin', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    // Errors carry it too: a browser that met the branch once never goes back to plain HTTP.
    const missing = await get(`${url}/no/such/page`, caPem);
    expect(missing.status).toBe(404);
    expect(missing.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('refuses a client that trusts another CA (no way to talk to an impostor either)', async () => {
    const other = readFileSync(otherCa.certPath);
    await expect(get(`${url}/api/v1/health`, other)).rejects.toMatchObject({
      code: expect.stringMatching(/UNABLE_TO_VERIFY|SELF_SIGNED|CERT/),
    });
  });

  it('refuses a host name the certificate does not name', async () => {
    // The same server, asked for under a name its certificate does not carry.
    await expect(
      get(`${url}/api/v1/health`, caPem, { servername: 'skr-other.local' }),
    ).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect((await get(`${url}/api/v1/health`, caPem, { servername: 'localhost' })).status).toBe(
      200,
    );
  });

  it('carries socket.io over wss to a trusting client and refuses an untrusting one', async () => {
    const { token } = server.auth.createDevice('display', 'TLS screen');
    const ok = ioClient(`${url}/display`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ca: caPem.toString(),
    });
    try {
      const snapshot = await new Promise<unknown>((resolve, reject) => {
        ok.once('snapshot', resolve);
        ok.once('connect_error', reject);
      });
      expect(snapshot).toMatchObject({ counters: expect.any(Array) });
    } finally {
      ok.close();
    }
    const other = readFileSync(otherCa.certPath);
    const refused = ioClient(`${url}/display`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ca: other.toString(),
    });
    try {
      const outcome = await new Promise<string>((resolve) => {
        refused.once('connect', () => resolve('connected'));
        refused.once('connect_error', (e) => resolve(`refused: ${e.message}`));
      });
      expect(outcome).toMatch(/^refused/);
    } finally {
      refused.close();
    }
  });

  it('answers plain HTTP only with a redirect to HTTPS, running no route', async () => {
    const redirectUrl = server.redirectUrl!;
    expect(redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = new URL(url).port;
    const page = await plain(`${redirectUrl}/desk/?lang=pl`);
    expect(page.status).toBe(308);
    expect(page.headers.location).toBe(`https://127.0.0.1:${port}/desk/?lang=pl`);
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const login = await plain(
      `${redirectUrl}/api/v1/auth/login`,
      'POST',
      JSON.stringify({ username: 'admin', password: TEST_PASSWORD }),
    );
    expect(login.status).toBe(308);
    expect(login.body).not.toContain('token');
  });

  it('refuses at start a key that does not belong to the certificate, or a non-PEM file', async () => {
    const b = join(dir, 'branch');
    await expect(loadTls(join(b, 'server.crt'), join(b, 'ca.key'))).rejects.toThrow(
      /does not belong/,
    );
    writeFileSync(join(dir, 'junk.crt'), 'not a certificate');
    await expect(loadTls(join(dir, 'junk.crt'), join(b, 'server.key'))).rejects.toThrow(
      /not a PEM certificate/,
    );
    await expect(loadTls(join(dir, 'missing.crt'), join(b, 'server.key'))).rejects.toThrow(
      /cannot be read/,
    );
  });
});

describe('a server without TLS options', () => {
  it('sends no HSTS over plain HTTP (the header would be ignored and misleading)', async () => {
    const d = mkdtempSync(join(tmpdir(), 'skr-plain-'));
    const s = await buildServer({ dbPath: join(d, 'b.sqlite'), serveApps: false });
    try {
      const u = await s.listen(0, '127.0.0.1');
      expect(u.startsWith('http://')).toBe(true);
      const r = await plain(`${u}/api/v1/health`);
      expect(r.status).toBe(200);
      expect(r.headers['strict-transport-security']).toBeUndefined();
      expect(s.redirectUrl).toBeUndefined();
    } finally {
      await s.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});
