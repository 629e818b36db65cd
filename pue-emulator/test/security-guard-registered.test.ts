import { describe, expect, it } from 'vitest';
import { inMemoryPortal } from '../src/in-memory-portal';

// Issue 13: the guard existed but the stand-in's own server did not install it. The real
// buildServer answers /__emulator/* to a LAN peer with 403 and to loopback as before.
describe('the portal stand-in registers the emulator guard (issue 13)', () => {
  it('refuses /__emulator/faults from a LAN address, answers it on loopback', async () => {
    const { app, close } = inMemoryPortal();
    try {
      const lan = await app.inject({ url: '/__emulator/faults', remoteAddress: '192.168.7.20' });
      expect(lan.statusCode).toBe(403);
      const spelled = await app.inject({ url: '//__EMULATOR/faults', remoteAddress: '10.1.2.3' });
      expect(spelled.statusCode).toBe(403);
      const local = await app.inject({ url: '/__emulator/faults', remoteAddress: '127.0.0.1' });
      expect(local.statusCode).toBe(200);
    } finally {
      await close();
    }
  });
});
