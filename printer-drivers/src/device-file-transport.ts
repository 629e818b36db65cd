import { constants, promises as fsp } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SkrError } from '@skr/protocol/errors';
import { Link, type PrinterTransport } from './transport';

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
  const link = new Link<fsp.FileHandle>();
  let reader: Promise<void> | null = null;
  const pollMs = opts.pollMs ?? 10;

  async function readLoop(h: fsp.FileHandle): Promise<void> {
    const buf = Buffer.alloc(256);
    while (link.handle === h) {
      try {
        const { bytesRead } = await h.read(buf, 0, buf.length, null);
        if (bytesRead > 0) link.data.emit(new Uint8Array(buf.subarray(0, bytesRead)));
        else await sleep(pollMs);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
          await sleep(pollMs);
          continue;
        }
        if (link.handle === h) {
          link.handle = null;
          await h.close().catch(() => undefined);
          link.closed.emit(err as Error);
        }
      }
    }
  }

  return link.transport(`file://${opts.path}`, {
    async open() {
      if (link.handle) return;
      let fh: fsp.FileHandle;
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
      link.handle = fh;
      reader = readLoop(fh);
    },
    async write(bytes) {
      let rest = bytes;
      while (rest.length > 0) {
        const h = link.handle;
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
    async close() {
      const h = link.handle;
      if (!h) return;
      // Stop the read loop first (it polls while the handle is the link's), then release.
      link.handle = null;
      await reader;
      await h.close();
      link.closed.emit(undefined);
    },
  });
}
