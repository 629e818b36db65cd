import { SerialPort } from 'serialport';
import { SkrError } from '@skr/protocol/errors';

/** The byte pipe the LED bus talks through; the bus never opens hardware itself. */
export interface LedTransport {
  /** Sends bytes; resolves once they have left the port (drained), rejects DISCONNECTED. */
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to received bytes; returns the unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /**
   * Subscribes to the port opening again after it was lost (or after its first open failed):
   * the boards may show anything by then. Optional: a transport that never reopens omits it.
   */
  onReopen?(listener: () => void): () => void;
  /** Closes the port; pending writes reject with DISCONNECTED. Safe to call twice. */
  close(): Promise<void>;
}

/** Options of the serial transport; 9,600 bps 8N1 is what the boards speak. */
export interface SerialLedTransportOptions {
  path: string;
  baudRate?: number;
  /** How long after losing the port (or failing to open it) to try opening it again (default 1,000 ms). */
  reopenIntervalMs?: number;
}

/**
 * An LED transport over a serial port (an RS-485 adapter, or a pty in tests). Returns at once;
 * the port opens in the background and the first write waits for that attempt. A port that
 * fails (adapter unplugged, emulator restarted) is opened again every `reopenIntervalMs` until
 * close(); writes meanwhile reject DISCONNECTED at once, and onReopen listeners hear when it is back.
 */
export function serialLedTransport({
  path,
  baudRate = 9600,
  reopenIntervalMs = 1000,
}: SerialLedTransportOptions): LedTransport {
  const listeners = new Set<(chunk: Uint8Array) => void>();
  const reopenListeners = new Set<() => void>();
  let current: SerialPort | undefined;
  let lost = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const scheduleReopen = () => {
    lost = true;
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, reopenIntervalMs);
    retry.unref();
  };

  // A closed SerialPort's stream is destroyed for good, so every attempt takes a fresh one.
  const connect = () =>
    new Promise<void>((resolve) => {
      const port = new SerialPort({
        path,
        baudRate,
        dataBits: 8,
        parity: 'none',
        stopBits: 1,
        autoOpen: false,
      });
      port.on('data', (chunk: Buffer) => {
        for (const listener of listeners) listener(new Uint8Array(chunk));
      });
      // Without a listener an 'error' event would crash the process; failures surface on write.
      port.on('error', () => undefined);
      port.open((err) => {
        if (err || closed) {
          if (!err) port.close(() => undefined);
          scheduleReopen();
          return resolve();
        }
        current = port;
        port.once('close', () => {
          if (current === port) current = undefined;
          scheduleReopen();
        });
        if (lost) for (const listener of reopenListeners) listener();
        resolve();
      });
    });
  const firstOpen = connect();

  return {
    async write(bytes) {
      await firstOpen;
      const port = current;
      if (closed || !port?.isOpen) throw disconnected(path);
      await new Promise<void>((resolve, reject) => {
        port.write(Buffer.from(bytes), (err) => {
          if (!err) return;
          reject(disconnected(path, err));
          // A port that failed a write is gone (EIO): closing it starts the reopen loop.
          if (port.isOpen) port.close(() => undefined);
        });
        port.drain((err) => (err ? reject(disconnected(path, err)) : resolve()));
      });
    },
    onData(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReopen(listener) {
      reopenListeners.add(listener);
      return () => reopenListeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(retry);
      listeners.clear();
      reopenListeners.clear();
      await firstOpen;
      const port = current;
      current = undefined;
      if (!port?.isOpen) return;
      await new Promise<void>((resolve) => port.close(() => resolve()));
    },
  };
}

function disconnected(path: string, cause?: unknown): SkrError {
  return new SkrError('DISCONNECTED', `LED serial port ${path} is not open`, { cause });
}
