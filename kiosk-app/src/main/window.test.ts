import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { setupWindow, type WindowFactory } from './window';

// A fake BrowserWindow at the thin boundary: records options and handlers, like Electron would.
function fakeWindow() {
  const handlers = new Map<string, (...a: any[]) => void>();
  let openHandler: ((d: any) => any) | null = null;
  let options: BrowserWindowConstructorOptions | null = null;
  let loaded = '';
  const create: WindowFactory = (o) => {
    options = o;
    return {
      loadURL: async (u: string) => {
        loaded = u;
      },
      once: ((ev: string, cb: () => void) => handlers.set(`once:${ev}`, cb)) as any,
      show: () => handlers.set('shown', () => undefined),
      setMenu: () => undefined,
      webContents: {
        on: ((ev: string, cb: (...a: any[]) => void) => handlers.set(ev, cb)) as any,
        setWindowOpenHandler: (h: any) => {
          openHandler = h;
        },
      },
    } as any;
  };
  return {
    create,
    handlers,
    get options() {
      return options!;
    },
    get openHandler() {
      return openHandler!;
    },
    get loaded() {
      return loaded;
    },
  };
}

describe('kiosk window', () => {
  it('is created with context isolation, sandbox, no node integration, full-screen kiosk', async () => {
    const f = fakeWindow();
    await setupWindow(f.create, 'http://127.0.0.1:4000/kiosk/', '/app/preload.cjs');
    const wp = f.options.webPreferences!;
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.webSecurity).toBe(true);
    expect(wp.webviewTag).toBe(false);
    expect(wp.devTools).toBe(false);
    expect(wp.preload).toBe('/app/preload.cjs');
    expect(f.options.kiosk).toBe(true);
    expect(f.options.fullscreen).toBe(true);
    expect(f.options.closable).toBe(false);
    expect(f.loaded).toBe('http://127.0.0.1:4000/kiosk/');
  });

  it('refuses new windows and navigation to other origins, and swallows keyboard escapes', async () => {
    const f = fakeWindow();
    await setupWindow(f.create, 'http://127.0.0.1:4000/kiosk/', '/p.cjs');
    expect(f.openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const nav = f.handlers.get('will-navigate')!;
    let prevented = 0;
    const ev = { preventDefault: () => prevented++ };
    nav(ev, 'https://example.com/');
    nav(ev, 'file:///etc/passwd');
    nav(ev, 'http://127.0.0.1:4000/kiosk/x');
    expect(prevented).toBe(2);
    const keys = f.handlers.get('before-input-event')!;
    prevented = 0;
    keys(ev, { key: 'F4', alt: true, control: false, meta: false });
    keys(ev, { key: 'w', alt: false, control: true, meta: false });
    keys(ev, { key: 'a', alt: false, control: false, meta: false });
    expect(prevented).toBe(2);
  });
});
