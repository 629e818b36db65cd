import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestBranch, type TestBranch } from './harness';

// A kiosk retries a ticket until it gets an answer. When the answer was lost because the server
// went down, the retry reaches a restarted server: it must get the first ticket again, not a
// second one (the answers used to be kept in memory only).
describe('idempotent writes across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skr-idem-'));
  let b: TestBranch | undefined;
  afterAll(async () => {
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function post(branch: TestBranch, token: string, key: string, serviceId: string) {
    const res = await fetch(`${branch.url}/api/v1/tickets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'idempotency-key': key,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ serviceId }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { id: string },
      replay: res.headers.get('idempotent-replay'),
    };
  }

  it('replays the first answer after a restart; another body with that key is refused', async () => {
    // A folder per attempt: CI's retry would find the first attempt's stored answer (a replay).
    const data = mkdtempSync(join(dir, 'attempt-'));
    b = await startTestBranch({ dir: data });
    const kiosk = await b.device('kiosk', 'kiosk 1');
    const first = await post(b, kiosk, 'ticket-across-restart-1', 'emerytury');
    expect(first.status).toBe(201);
    expect(first.replay).toBeNull();
    const before = b.branch.view().active.size;
    await b.close(true);

    b = await startTestBranch({ dir: data });
    expect(b.branch.view().active.size).toBe(before);
    const retry = await post(b, kiosk, 'ticket-across-restart-1', 'emerytury');
    expect(retry.status).toBe(201);
    expect(retry.replay).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(b.branch.view().active.size).toBe(before);

    const reused = await post(b, kiosk, 'ticket-across-restart-1', 'zasilki');
    expect(reused.status).toBe(409);
    // A new key is a new ticket, as the kiosk asked.
    const next = await post(b, kiosk, 'ticket-across-restart-2', 'emerytury');
    expect(next.status).toBe(201);
    expect(next.body.id).not.toBe(first.body.id);
    expect(b.branch.view().active.size).toBe(before + 1);
  }, 90_000); // two server starts with the demo seed (its password hashes are slow on purpose)
});
