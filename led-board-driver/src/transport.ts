import { SerialPort } from 'serialport';
import { SkrError } from '@skr/protocol/errors';

/** The byte pipe the LED bus talks through; the bus never opens hardware itself. */
export interface LedTransport {
  /** Sends bytes; resolves once they have left the port (drained), rejects DISCONNECTED. */
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to received bytes; returns the unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Closes the port; pending writes reject with DISCONNECTED. Safe to call twice. */
  close(): Promise<void>;
}

/** Options of the serial transport; 9,600 bps 8N1 is what the boards speak. */
export interface SerialLedTransportOptions {
  path: string;
  baudRate?: number;
}

/**
 * An LED transport over a serial port (an RS-485 adapter, or a pty in tests). Returns at once;
 * the port opens in the background and the first write waits for it (or rejects DISCONNECTED).
 */
export function serialLedTransport({
  path,
  baudRate = 9600,
}: SerialLedTransportOptions): LedTransport {
  const port = new SerialPort({
    path,
    baudRate,
    dataBits: 8,
    parity: 'none',
    stopBits: 1,
    autoOpen: false,
  });
  const listeners = new Set<(chunk: Uint8Array) => void>();
  port.on('data', (chunk: Buffer) => {
    for (const listener of listeners) listener(new Uint8Array(chunk));
  });
  // Without a listener an 'error' event would crash the process; failures surface on write.
  port.on('error', () => undefined);
  const opened = new Promise<void>((resolve, reject) => {
    port.open((err) => (err ? reject(disconnected(path, err)) : resolve()));
  });
  opened.catch(() => undefined);
  let closed = false;

  return {
    async write(bytes) {
      await opened;
      if (closed || !port.isOpen) throw disconnected(path);
      await new Promise<void>((resolve, reject) => {
        port.write(Buffer.from(bytes), (err) =>
          err ? reject(disconnected(path, err)) : undefined,
        );
        port.drain((err) => (err ? reject(disconnected(path, err)) : resolve()));
      });
    },
    onData(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      try {
        await opened;
      } catch {
        return;
      }
      if (!port.isOpen) return;
      await new Promise<void>((resolve) => port.close(() => resolve()));
    },
  };
}

function disconnected(path: string, cause?: unknown): SkrError {
  return new SkrError('DISCONNECTED', `LED serial port ${path} is not open`, { cause });
}
