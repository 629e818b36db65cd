import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { KIOSK_IPC_CALL, KIOSK_IPC_EVENT, type KioskBridgeReply } from '@skr/protocol';
import { dispatchBridgeCall } from '../bridge/dispatch';
import type { KioskServices } from '../devices/kiosk-services';

/** True when the IPC message comes from our own page (its top frame, on the host's origin). */
export function trustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  origin: string,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Serves the bridge over IPC: one invoke channel, every sender checked, input and output
 * validated by the dispatcher; device events are pushed to the kiosk page.
 */
export function setupIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  services: KioskServices,
  origin: string,
  target: () => Pick<WebContents, 'send'> | null,
) {
  ipcMain.handle(
    KIOSK_IPC_CALL,
    async (event, method: unknown, input: unknown): Promise<KioskBridgeReply> => {
      if (!trustedSender(event, origin))
        return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted sender' } };
      if (typeof method !== 'string')
        return { ok: false, error: { code: 'INVALID', message: 'method name' } };
      return dispatchBridgeCall(services.handlers, method, input);
    },
  );
  const off = services.onEvent((e) => target()?.send(KIOSK_IPC_EVENT, e));
  return () => {
    off();
    ipcMain.removeHandler(KIOSK_IPC_CALL);
  };
}
