import { SerialPort } from 'serialport';
import { SkrError } from '@skr/protocol/errors';
import { Link, type PrinterTransport } from './transport';

/** Options of a serial (RS-232 or USB-serial) printer port. */
export interface SerialTransportOptions {
  path: string;
  /** Default 38400, the speed our kiosks' printers are set to. */
  baudRate?: number;
}

/** A transport over a serial port (serialport 13), 8N1 with RTS/CTS off. */
export function serialTransport(opts: SerialTransportOptions): PrinterTransport {
  const link = new Link<SerialPort>();
  return link.transport(`serial://${opts.path}`, {
    open() {
      if (link.handle) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const p = new SerialPort({
          path: opts.path,
          baudRate: opts.baudRate ?? 38400,
          autoOpen: false,
        });
        p.open((err) => {
          if (err) {
            reject(
              new SkrError('DISCONNECTED', `cannot open printer port ${opts.path}`, { cause: err }),
            );
            return;
          }
          link.handle = p;
          p.on('data', (chunk: Buffer) => link.data.emit(new Uint8Array(chunk)));
          p.on('error', (e) => link.drop(p, e));
          p.on('close', () => link.drop(p));
          resolve();
        });
      });
    },
    write(bytes) {
      const p = link.handle;
      if (!p)
        return Promise.reject(new SkrError('DISCONNECTED', `printer port ${opts.path} is closed`));
      return new Promise<void>((resolve, reject) => {
        p.write(Buffer.from(bytes), (err) => {
          if (err)
            return reject(
              new SkrError('DISCONNECTED', `write to ${opts.path} failed`, { cause: err }),
            );
          // drain: wait until the OS took the bytes, so timeouts measure the printer, not us
          p.drain((e) =>
            e
              ? reject(new SkrError('DISCONNECTED', `drain ${opts.path} failed`, { cause: e }))
              : resolve(),
          );
        });
      });
    },
    close() {
      const p = link.handle;
      if (!p) return Promise.resolve();
      return new Promise<void>((resolve) => p.close(() => resolve()));
    },
  });
}
