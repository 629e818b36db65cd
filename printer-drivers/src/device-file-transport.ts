import { constants, promises as fsp } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SkrError } from '@skr/protocol/errors';
import { Listeners, type PrinterTransport } from './transport';

/** Options of a printer device file such as /dev/usb/lp0. */
export interface DeviceFileTransportOptions {
  path: string;
  /** How often to look for bytes from the printer; default 10 ms. */
  pollMs?: number;
}

// The device is opened non-blocking and read by polling: a blocking read of a character
// device sits in libuv's thread pool and cannot be cancelled, so close() would hang until
// the printer happened to send a byte. 10 ms of latency on a status byte is harmless.

/** A transport over a character device (usblp's /dev/usb/lp0, or a tty). */
export function deviceFileTransport(opts: DeviceFileTransportOptions): PrinterTransport {
  const data = new Listeners<[Uint8Array]>();
  const closed = new Listeners<[Error | undefined]>();
  let fh: fsp.FileHandle | null = null;
  let reader: Promise<void> | null = null;
  const pollMs = opts.pollMs ?? 10;
  const name = `file://${opts.path}`;

  async function readLoop(h: fsp.FileHandle): Promise<void> {
    const buf = Buffer.alloc(256);
    while (fh === h) {
      try {
        const { bytesRead } = await h.read(buf, 0, buf.length, null);
        if (bytesRead > 0) data.emit(new Uint8Array(buf.subarray(0, bytesRead)));
        else await sleep(pollMs);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
          await sleep(pollMs);
          continue;
        }
        if (fh === h) {
          fh = null;
          await h.close().catch(() => undefined);
          closed.emit(err as Error);
        }
      }
    }
  }

  return {
    name,
    get isOpen() {
      return fh !== null;
    },
    async open() {
      if (fh) return;
      try {
        fh = await fsp.open(
          opts.path,
          constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY,
        );
      } catch (err) {
        throw new SkrError('DISCONNECTED', `cannot open printer device ${opts.path}`, {
          cause: err,
        });
      }
      reader = readLoop(fh);
    },
    async write(bytes) {
      let rest = bytes;
      while (rest.length > 0) {
        const h = fh;
        if (!h) throw new SkrError('DISCONNECTED', `printer device ${opts.path} is closed`);
        try {
          const { bytesWritten } = await h.write(rest, 0, rest.length, null);
          rest = rest.subarray(bytesWritten);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') {
            throw new SkrError('DISCONNECTED', `write to ${opts.path} failed`, { cause: err });
          }
          await sleep(pollMs); // the printer's buffer is full: wait for it to print
        }
      }
    },
    onData: (cb) => data.add(cb),
    onClose: (cb) => closed.add(cb),
    async close() {
      const h = fh;
      if (!h) return;
      fh = null;
      await reader;
      await h.close();
      closed.emit(undefined);
    },
  };
}
