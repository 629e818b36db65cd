import net from 'node:net';
import { SkrError } from '@skr/protocol/errors';
import { Listeners, type PrinterTransport } from './transport';

/** Options of a raw TCP printer port (JetDirect style, usually 9100). */
export interface TcpTransportOptions {
  host: string;
  port: number;
  /** How long a connect may take; default 3000 ms. */
  connectTimeoutMs?: number;
}

/** A transport over a raw TCP socket (port 9100). Reconnects on the next open() after a drop. */
export function tcpTransport(opts: TcpTransportOptions): PrinterTransport {
  const data = new Listeners<[Uint8Array]>();
  const closed = new Listeners<[Error | undefined]>();
  let socket: net.Socket | null = null;
  const name = `tcp://${opts.host}:${opts.port}`;

  function drop(socketThatDropped: net.Socket, cause?: Error): void {
    if (socket !== socketThatDropped) return;
    socket = null;
    closed.emit(cause);
  }

  return {
    name,
    get isOpen() {
      return socket !== null;
    },
    open() {
      if (socket) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const s = net.connect({ host: opts.host, port: opts.port });
        s.setNoDelay(true);
        const timer = setTimeout(() => {
          s.destroy();
          reject(new SkrError('TIMEOUT', `no connection to printer at ${name}`));
        }, opts.connectTimeoutMs ?? 3000);
        s.once('connect', () => {
          clearTimeout(timer);
          socket = s;
          resolve();
        });
        s.on('data', (chunk: Buffer) => data.emit(new Uint8Array(chunk)));
        s.on('error', (err) => {
          clearTimeout(timer);
          if (socket === s) drop(s, err);
          else
            reject(
              new SkrError('DISCONNECTED', `cannot connect to printer at ${name}`, { cause: err }),
            );
        });
        s.on('close', () => drop(s));
      });
    },
    write(bytes) {
      const s = socket;
      if (!s) return Promise.reject(new SkrError('DISCONNECTED', `printer link ${name} is closed`));
      return new Promise<void>((resolve, reject) => {
        s.write(bytes, (err) => {
          if (err) reject(new SkrError('DISCONNECTED', `write to ${name} failed`, { cause: err }));
          else resolve();
        });
      });
    },
    onData: (cb) => data.add(cb),
    onClose: (cb) => closed.add(cb),
    close() {
      const s = socket;
      if (!s) return Promise.resolve();
      return new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        s.end();
        // A printer that never acknowledges the FIN must not hold us up.
        setTimeout(() => s.destroy(), 500).unref();
      });
    },
  };
}
