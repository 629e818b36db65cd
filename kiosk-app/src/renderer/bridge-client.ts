import {
  KIOSK_HTTP_CALL,
  KIOSK_HTTP_EVENTS,
  KioskBridgeReply,
  KioskEvent,
  kioskBridgeMethods,
  type KioskBridge,
} from '@skr/protocol/kiosk-bridge';
import { SkrError } from '@skr/protocol/errors';

/** Unwraps a reply envelope, validating the data with the method's output schema. */
export function unwrap(method: keyof typeof kioskBridgeMethods, raw: unknown): unknown {
  const reply = KioskBridgeReply.parse(raw);
  if (!reply.ok)
    throw new SkrError(reply.error.code, reply.error.message, { details: reply.error.details });
  return kioskBridgeMethods[method].output.parse(reply.data);
}

/** The bridge over the browser host: POST per call, server-sent events for device changes. */
function httpBridge(origin = ''): KioskBridge {
  const listeners = new Set<(e: KioskEvent) => void>();
  let source: EventSource | null = null;
  function ensureEvents() {
    if (source) return;
    source = new EventSource(origin + KIOSK_HTTP_EVENTS);
    source.onmessage = (m) => {
      const e = KioskEvent.safeParse(JSON.parse(String(m.data)));
      if (e.success) for (const cb of listeners) cb(e.data);
    };
  }
  return {
    async call(method, input) {
      let res: Response;
      try {
        res = await fetch(origin + KIOSK_HTTP_CALL + method, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
      } catch {
        throw new SkrError('UNAVAILABLE', 'kiosk host unreachable');
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return unwrap(method, await res.json()) as any;
    },
    onEvent(cb) {
      ensureEvents();
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    skrKiosk?: KioskBridge;
  }
}

/** The bridge this page runs with: Electron's preload if present, else the browser host. */
export function getBridge(): KioskBridge {
  return window.skrKiosk ?? httpBridge();
}
