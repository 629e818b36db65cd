import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from '../src/http/login-limit';
import { sharedTestBranch } from './harness';

// Issue 13: random user names bypassed the per-user login limit, and a 15 MB body on
// /api/v1/documents was read before the 401.
const b = sharedTestBranch({ loginRateLimit: 5 });

describe('load that costs the attacker more than the server (issue 13)', () => {
  it('random user names from one address hit the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await b.tryLogin(
        `x${i}-${Math.random().toString(36).slice(2)}`,
        'wrong-password-123',
      );
      statuses.push(r.status);
    }
    // 20 failures (max(20, 3 × 5)) are answered 401, the rest refused before any hashing.
    expect(statuses.filter((s) => s === 401).length).toBe(20);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    const staff = await b.tryLogin('urzednik1');
    expect(staff.status).toBe(429);
  });

  it('the branch-wide limit adds up failures from every address', () => {
    let t = 0;
    const l = createLoginLimiter({ perAddress: 3, global: 5, windowMs: 1000, now: () => t });
    for (const a of ['a', 'b', 'c', 'd', 'e']) {
      l.check(a);
      l.failed(a);
    }
    expect(() => l.check('f')).toThrow(/too many/);
    t = 1000;
    expect(() => l.check('f')).not.toThrow();
  });

  it('a 15 MB upload without a token is refused before its body is read', async () => {
    const total = 15 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const { status, written } = await new Promise<{ status: number; written: number }>(
      (resolve, reject) => {
        let written = 0;
        let done = false;
        const req = request(`${b.url}/api/v1/documents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(total) },
        });
        req.on('response', (res) => {
          done = true;
          res.resume();
          resolve({ status: res.statusCode ?? 0, written });
          req.destroy();
        });
        req.on('error', (e) => (done ? undefined : reject(e)));
        const pump = () => {
          while (!done && written < total) {
            written += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          if (!done) req.end();
        };
        pump();
      },
    );
    const ms = Date.now() - started;
    expect(status).toBe(401);
    // Answered while most of the body was still unsent: the server never read it.
    expect(written).toBeLessThan(total);
    expect(ms).toBeLessThan(2000);
    // Roughly: the server (same process) did not buffer the 15 MB.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(12 * 1024 * 1024);
  });
});
