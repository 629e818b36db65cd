import net from 'node:net';
import { SkrError } from '@skr/protocol/errors';
import { Link, type PrinterTransport } from './transport';

/** Options of a raw TCP printer port (JetDirect style, usually 9100). */
export interface TcpTransportOptions {
  host: string;
  port: number;
  /** How long a connect may take; default 3000 ms. */
  connectTimeoutMs?: number;
}

/** A transport over a raw TCP socket (port 9100). Reconnects on the next open() after a drop. */
export function tcpTransport(opts: TcpTransportOptions): PrinterTransport {
  const link = new Link<net.Socket>();
  const name = `tcp://${opts.host}:${opts.port}`;
  return link.transport(name, {
    open() {
      if (link.handle) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const s = net.connect({ host: opts.host, port: opts.port });
        s.setNoDelay(true);
        const timer = setTimeout(() => {
          s.destroy();
          reject(new SkrError('TIMEOUT', `no connection to printer at ${name}`));
        }, opts.connectTimeoutMs ?? 3000);
        s.once('connect', () => {
          clearTimeout(timer);
          link.handle = s;
          resolve();
        });
        s.on('data', (chunk: Buffer) => link.data.emit(new Uint8Array(chunk)));
        s.on('error', (err) => {
          clearTimeout(timer);
          if (link.handle === s) link.drop(s, err);
          else
            reject(
              new SkrError('DISCONNECTED', `cannot connect to printer at ${name}`, { cause: err }),
            );
        });
        s.on('close', () => link.drop(s));
      });
    },
    write(bytes) {
      const s = link.handle;
      if (!s) return Promise.reject(new SkrError('DISCONNECTED', `printer link ${name} is closed`));
      return new Promise<void>((resolve, reject) => {
        s.write(bytes, (err) => {
          if (err) reject(new SkrError('DISCONNECTED', `write to ${name} failed`, { cause: err }));
          else resolve();
        });
      });
    },
    close() {
      const s = link.handle;
      if (!s) return Promise.resolve();
      return new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        s.end();
        // A printer that never acknowledges the FIN must not hold us up.
        setTimeout(() => s.destroy(), 500).unref();
      });
    },
  });
}
