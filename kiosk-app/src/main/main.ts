// Electron entry: a list of setupX() calls. Devices and the local host are the same modules
// the browser host uses; this file only wires them to Electron (built on a machine with the
// Electron runtime, see docs/kiosk.md).
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { startKioskHost } from '../host/host-server';
import { startPairedKiosk } from '../host/paired-kiosk';
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
  const open = async (url: string) =>
    (win = (await setupWindow((o) => new BrowserWindow(o), url, preload)) as BrowserWindow);
  // The same start as the browser host: branch CA pinned, own renewed credential, and without
  // one the pairing code on this window until the admin types it in.
  const { runtime, port } = await startPairedKiosk({
    onPairing: (url) => void (win ? undefined : open(url)),
    onRefused: () => {
      // Revoked: start again, which shows a new pairing code.
      app.relaunch();
      app.exit(75);
    },
  });
  // The renderer and the API proxy come from the local host (on the pairing page's port, so
  // the window's one allowed origin stays); devices go over IPC only.
  const host = await startKioskHost({
    services: runtime.services,
    branch: runtime.branch,
    port,
    httpBridge: false,
  });
  setupIpc(ipcMain, runtime.services, host.url, () => win?.webContents ?? null);
  // Set by the pairing callback, which TypeScript's narrowing does not see.
  const shown = win as BrowserWindow | null;
  if (shown) await shown.loadURL(`${host.url}/kiosk/`);
  else await open(`${host.url}/kiosk/`);
}
