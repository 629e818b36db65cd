import { describe, expect, it } from 'vitest';
import { setupSessionPolicy } from '../../kiosk-app/src/main/session-policy';
import {
  kioskWindowOptions,
  setupWindow,
  type WindowFactory,
} from '../../kiosk-app/src/main/window';

// The kiosk window's lockdown as the security suite requires it, against the kiosk's own
// setup functions with a recording stand-in for Electron (the runtime cannot run here).
type Handler = (...args: any[]) => void;

function recordingWindow() {
  const on = new Map<string, Handler>();
  let openHandler: ((d: unknown) => { action: string }) | undefined;
  let options: Parameters<WindowFactory>[0] | undefined;
  const create: WindowFactory = (o) => {
    options = o;
    return {
      loadURL: async () => undefined,
      once: (() => undefined) as any,
      show: () => undefined,
      setMenu: () => undefined,
      webContents: {
        on: ((ev: string, h: Handler) => on.set(ev, h)) as any,
        setWindowOpenHandler: (h: any) => (openHandler = h),
      },
    } as any;
  };
  return { create, on, open: () => openHandler, options: () => options };
}

const prevented = (h: Handler | undefined, ...args: unknown[]) => {
  let stopped = false;
  h?.({ preventDefault: () => (stopped = true) }, ...args);
  return stopped;
};

describe('kiosk window lockdown', () => {
  it('is full-screen kiosk mode, sandboxed, isolated, without Node or devtools', () => {
    const o = kioskWindowOptions('/preload.js');
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, frame: false, closable: false });
    expect(o.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
  });

  it('refuses other sites, new windows, webviews and the escape shortcuts', async () => {
    const w = recordingWindow();
    await setupWindow(w.create, 'http://127.0.0.1:5180/kiosk/', '/preload.js');
    expect(prevented(w.on.get('will-navigate'), 'https://example.com/')).toBe(true);
    expect(prevented(w.on.get('will-navigate'), 'http://127.0.0.1:5180/kiosk/#/x')).toBe(false);
    expect(prevented(w.on.get('will-redirect'), 'file:///etc/passwd')).toBe(true);
    expect(prevented(w.on.get('will-attach-webview'))).toBe(true);
    expect(w.open()?.({ url: 'https://example.com/' }).action).toBe('deny');
    for (const input of [
      { key: 'F4', alt: true },
      { key: 'w', control: true },
      { key: 'F11' },
      { key: 'F12' },
      { key: 'i', control: true },
    ])
      expect(
        prevented(w.on.get('before-input-event'), {
          control: false,
          alt: false,
          meta: false,
          ...input,
        }),
      ).toBe(true);
    expect(
      prevented(w.on.get('before-input-event'), {
        key: 'a',
        control: false,
        alt: false,
        meta: false,
      }),
    ).toBe(false);
  });

  it('denies every permission and download and sets the CSP on every answer', () => {
    let permission: Handler | undefined;
    let check: (() => boolean) | undefined;
    let headers: Handler | undefined;
    const on = new Map<string, Handler>();
    setupSessionPolicy({
      setPermissionRequestHandler: (h: any) => (permission = h),
      setPermissionCheckHandler: (h: any) => (check = h),
      on: ((ev: string, h: Handler) => on.set(ev, h)) as any,
      webRequest: { onHeadersReceived: (h: any) => (headers = h) },
    } as any);
    let granted: boolean | undefined;
    permission?.({}, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(check?.()).toBe(false);
    expect(prevented(on.get('will-download'))).toBe(true);
    let answer: any;
    headers?.({ responseHeaders: {} }, (r: unknown) => (answer = r));
    expect(String(answer.responseHeaders['Content-Security-Policy'])).toMatch(/default-src 'self'/);
  });
});
