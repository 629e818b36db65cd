import { describe, expect, it } from 'vitest';
import { KIOSK_IPC_CALL } from '@skr/protocol';
import type { KioskServices } from '../devices/kiosk-services';
import { setupIpc, trustedSender } from './ipc';

const ORIGIN = 'http://127.0.0.1:4000';
const config = {
  branchName: 'ZUS Test',
  publicOrigin: 'http://10.0.0.1:8080',
  idleSeconds: 60,
  pinpad: false,
};

function fakeServices(): KioskServices {
  return {
    handlers: { config: async () => config } as any,
    onEvent: () => () => undefined,
    close: async () => undefined,
  };
}

describe('IPC bridge', () => {
  it('accepts only our own top frame', () => {
    expect(
      trustedSender({ senderFrame: { url: `${ORIGIN}/kiosk/`, parent: null } } as any, ORIGIN),
    ).toBe(true);
    expect(
      trustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } } as any, ORIGIN),
    ).toBe(false);
    expect(
      trustedSender({ senderFrame: { url: `${ORIGIN}/kiosk/`, parent: {} } } as any, ORIGIN),
    ).toBe(false);
    expect(trustedSender({ senderFrame: null } as any, ORIGIN)).toBe(false);
  });

  it('answers calls from the kiosk page, refuses others, validates input', async () => {
    let handler: any;
    const ipc = {
      handle: (ch: string, h: any) => ch === KIOSK_IPC_CALL && (handler = h),
      removeHandler: () => undefined,
    };
    setupIpc(ipc as any, fakeServices(), ORIGIN, () => null);
    const good = { senderFrame: { url: `${ORIGIN}/kiosk/`, parent: null } };
    expect(await handler(good, 'config', {})).toEqual({ ok: true, data: config });
    expect(
      await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'config', {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await handler(good, 'config', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    expect(await handler(good, 'toString', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await handler(good, 'issueTicket', { serviceId: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
  });
});
