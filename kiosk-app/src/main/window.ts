import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';

/** The security flags every kiosk window is created with (asserted by a unit test). */
export function kioskWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    closable: false,
    minimizable: false,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      navigateOnDragDrop: false,
    },
  };
}

/** The one constructor this module needs; a fake in unit tests, Electron's in main.ts. */
export type WindowFactory = (opts: BrowserWindowConstructorOptions) => Pick<
  BrowserWindow,
  'loadURL' | 'once' | 'show' | 'setMenu'
> & {
  webContents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
};

/**
 * Opens the full-screen kiosk window on `url` and locks it there: navigation elsewhere and new
 * windows are refused, so there is no way out to the desktop or to another site.
 */
export async function setupWindow(create: WindowFactory, url: string, preloadPath: string) {
  const allowed = new URL(url).origin;
  const win = create(kioskWindowOptions(preloadPath));
  win.setMenu(null);
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, target) => {
    if (new URL(target).origin !== allowed) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, target) => {
    if (new URL(target).origin !== allowed) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // Keyboard escapes (Alt+F4, Ctrl+W, F11, DevTools) are swallowed.
  win.webContents.on('before-input-event', (event, input) => {
    const key = input.key.toLowerCase();
    if (
      input.alt ||
      input.meta ||
      key === 'f11' ||
      key === 'f12' ||
      (input.control && ['w', 'q', 'r', 'i'].includes(key))
    )
      event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(url);
  return win;
}
