// Preload (sandboxed, context-isolated): exposes exactly one object, window.skrKiosk, with
// call(method, input) and onEvent(cb). No Node or Electron object reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import {
  KIOSK_IPC_CALL,
  KIOSK_IPC_EVENT,
  KioskEvent,
  type KioskBridge,
} from '@skr/protocol/kiosk-bridge';
import { unwrap } from '../renderer/bridge-client';

const bridge: KioskBridge = {
  async call(method, input) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return unwrap(method, await ipcRenderer.invoke(KIOSK_IPC_CALL, method, input)) as any;
  },
  onEvent(cb) {
    const listener = (_e: unknown, raw: unknown) => {
      const e = KioskEvent.safeParse(raw);
      if (e.success) cb(e.data);
    };
    ipcRenderer.on(KIOSK_IPC_EVENT, listener);
    return () => ipcRenderer.removeListener(KIOSK_IPC_EVENT, listener);
  },
};
contextBridge.exposeInMainWorld('skrKiosk', bridge);
