// Electron entry: a list of setupX() calls. Devices and the local host are the same modules
// the browser host uses; this file only wires them to Electron (built on a machine with the
// Electron runtime, see docs/kiosk.md).
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { startKioskHost } from '../host/host-server';
import { configFromEnv, startKioskRuntime } from '../host/kiosk-runtime';
import { setupIpc } from './ipc';
import { setupSessionPolicy } from './session-policy';
import { setupSingleInstance } from './single-instance';
import { setupWindow } from './window';

const preload = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

let win: BrowserWindow | null = null;
// First, before any device is opened: a second instance quits here.
if (setupSingleInstance(app, () => win)) {
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => undefined); // a kiosk never quits on its own

  await app.whenReady();
  setupSessionPolicy(session.defaultSession);
  const runtime = await startKioskRuntime(configFromEnv());
  // The renderer and the API proxy come from the local host; devices go over IPC only.
  const host = await startKioskHost({
    services: runtime.services,
    branch: runtime.branch,
    httpBridge: false,
  });
  setupIpc(ipcMain, runtime.services, host.url, () => win?.webContents ?? null);
  win = (await setupWindow(
    (o) => new BrowserWindow(o),
    `${host.url}/kiosk/`,
    preload,
  )) as BrowserWindow;
}
