import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import type { LoadedConfig } from '../config';
import { runningServer } from '../runtime-file';
import { certificateHosts } from '../tls/branch-ca';

/** Whether a server runs on this database, and where it answers (if it does). */
export type ServerLocation =
  { running: false } | { running: true; pid?: number; url?: string; call?: ServerCall };

/** A call to the running server (POST unless said) with a bearer token: status and JSON body. */
export type ServerCall = (
  path: string,
  token: string,
  method?: 'GET' | 'POST',
) => Promise<{ status: number; body: unknown }>;

const loopback = (url: string): string =>
  url.replace('://0.0.0.0:', '://127.0.0.1:').replace('://[::]:', '://[::1]:');

/**
 * Finds the server running on the configured database: first by the file it writes next to the
 * database (any port, address or scheme; its PID checked), then — for a server of an older
 * release — by the configured port. A server that runs but does not answer is reported as
 * running without a URL, so a command never writes the database under it.
 */
export async function locateServer(config: LoadedConfig): Promise<ServerLocation> {
  const info = runningServer(config.dbPath);
  const candidates = info ? [loopback(info.url)] : configuredUrls(config);
  for (const url of candidates) {
    const call = serverCall(url, config);
    if (await answers(url, call)) return { running: true, pid: info?.pid, url, call };
  }
  return info ? { running: true, pid: info.pid } : { running: false };
}

function configuredUrls(config: LoadedConfig): string[] {
  if (config.http.port === 0) return [];
  const host = ['0.0.0.0', '::'].includes(config.http.host) ? '127.0.0.1' : config.http.host;
  const h = host.includes(':') ? `[${host}]` : host;
  return [
    `http://${h}:${config.http.port}`,
    ...(config.tls ? [`https://${h}:${config.http.port}`] : []),
  ];
}

async function answers(url: string, call: ServerCall): Promise<boolean> {
  try {
    if (url.startsWith('https:')) return (await call('/api/v1/health', '', 'GET')).status > 0;
    await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(1500) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Over HTTPS the server's certificate is checked against the branch's own CA (the `ca.crt`
 * beside the server certificate, as the package lays them out) and the name in the certificate,
 * not waved through: the command sends an admin credential.
 */
function serverCall(url: string, config: LoadedConfig): ServerCall {
  return async (path, token, method = 'POST') => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (!url.startsWith('https:')) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        signal: AbortSignal.timeout(15_000),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    }
    const cert = config.tls ? readFileSync(config.tls.cert) : undefined;
    const caFile = config.tls ? join(dirname(config.tls.cert), 'ca.crt') : '';
    const ca: string[] = [];
    if (cert) ca.push(cert.toString('utf8'));
    if (existsSync(caFile)) ca.push(readFileSync(caFile, 'utf8'));
    const servername = cert ? certificateHosts(cert).find((h) => !/^[\d.:]+$/.test(h)) : undefined;
    return await new Promise((resolve, reject) => {
      const req = request(
        `${url}${path}`,
        { method, headers, ca, ...(servername ? { servername } : {}), timeout: 15_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              body: text ? (JSON.parse(text) as unknown) : null,
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end();
    });
  };
}
