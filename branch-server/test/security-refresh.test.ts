import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';

// Issue 13: device credentials expire; `POST /api/v1/devices/refresh` lets a device rotate its
// own before they do. The new token works, a staff session cannot refresh, nor can a revoked one.
const b = sharedTestBranch();

describe('POST /api/v1/devices/refresh (issue 13)', () => {
  it('gives a device a new working token with a full lifetime', async () => {
    const old = await b.device('display');
    const r = await b.api('POST', '/api/v1/devices/refresh', old);
    expect(r.status).toBe(200);
    expect(r.body.token).not.toBe(old);
    expect(Date.parse(r.body.expiresAt)).toBeGreaterThan(Date.parse(r.body.refreshAfter));
    expect(Date.parse(r.body.refreshAfter)).toBeGreaterThan(b.branch.now().getTime());
    expect((await b.api('GET', '/api/v1/queue', r.body.token)).status).toBe(200);
  });

  it('refuses staff sessions, missing tokens and revoked devices', async () => {
    expect(
      (await b.api('POST', '/api/v1/devices/refresh', await b.login('kierownik'))).status,
    ).toBe(403);
    expect((await b.api('POST', '/api/v1/devices/refresh')).status).toBe(401);
    const admin = await b.login('admin');
    const kiosk = await b.api('POST', '/api/v1/devices', admin, { kind: 'kiosk', name: 'k9' });
    expect((await b.api('POST', `/api/v1/devices/${kiosk.body.id}/revoke`, admin)).status).toBe(
      204,
    );
    expect((await b.api('POST', '/api/v1/devices/refresh', kiosk.body.token)).status).toBe(401);
  });
});
