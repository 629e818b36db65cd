import type { App, BrowserWindow } from 'electron';

/** The window calls this module makes: a fake in unit tests, Electron's in main.ts. */
export type FocusableWindow = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>;

/**
 * Takes the kiosk's single-instance lock. A second start (a double-clicked icon, a launcher
 * restarting too early, someone at a stolen kiosk's keyboard) would open the printer, the card
 * reader and the host port a second time; it quits at once instead and the running kiosk's
 * window is brought to the front. Returns false in the instance that must quit.
 */
export function setupSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  window: () => FocusableWindow | null,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = window();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
