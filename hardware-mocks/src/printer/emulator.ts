import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { EscPosMachine } from './escpos-machine';
import { nextCommand } from './escpos-tokenizer';
import {
  isOffline,
  NO_FAULTS,
  paperSensorByte,
  realtimeStatusByte,
  type PrinterFaults,
} from './printer-state';
import { openPtyPair, type PtyPair } from './pty-pair';
import { ticketToText, type PrintedTicket } from './ticket';
import { renderTicketPng } from './ticket-png';

/** Options of startPrinterEmulator. */
export interface PrinterEmulatorOptions {
  /** TCP port (default 9100, 0 picks a free one, null for no TCP). Listens on 127.0.0.1. */
  tcpPort?: number | null;
  /** Also serve a socat pty pair; a string names the driver-side link, true picks a temp path. */
  ptyPath?: string | true;
  /** Paper width in characters, for the PNG pictures; default 42. */
  columns?: number;
}

/** A running printer emulator. */
export interface PrinterEmulator {
  readonly tcpPort: number | null;
  /** The pty end a driver opens (serial or device-file transport). */
  readonly ptyPath: string | undefined;
  /** Tickets printed so far, in order. */
  readonly printed: PrintedTicket[];
  /** Tickets lost because the printer went offline under them. */
  readonly spoiled: number;
  readonly faults: Readonly<PrinterFaults>;
  /** Injects or clears faults (merged into the current ones). */
  setFault(patch: Partial<PrinterFaults>): void;
  /** Back to a healthy printer. */
  clearFaults(): void;
  /** Calls cb for every ticket printed from now on; returns the remover. */
  onPrint(cb: (t: PrintedTicket) => void): () => void;
  /** Resolves with the next printed ticket, or rejects after timeoutMs. */
  nextTicket(timeoutMs?: number): Promise<PrintedTicket>;
  /** Saves every printed ticket (past and future) as NNNN.txt and NNNN.png in dir. */
  saveTo(dir: string): Promise<void>;
  /** Drops every TCP connection, as a printer being power-cycled does. */
  dropConnections(): void;
  /** Stops listening, closes the pty end and kills socat. */
  close(): Promise<void>;
}

interface Link {
  buf: Uint8Array;
  machine: EscPosMachine;
  /** Set when the paper went away under a job: the rest of it, up to its cut, is lost. */
  spoiling: boolean;
  send(bytes: number[]): void;
}

/** Starts an ESC/POS printer emulator on TCP and/or a socat pty pair. */
export async function startPrinterEmulator(
  opts: PrinterEmulatorOptions = {},
): Promise<PrinterEmulator> {
  let faults: PrinterFaults = { ...NO_FAULTS };
  const printed: PrintedTicket[] = [];
  const listeners = new Set<(t: PrintedTicket) => void>();
  let spoiled = 0;
  let saveDir: string | null = null;
  const columns = opts.columns ?? 42;

  async function save(t: PrintedTicket, index: number): Promise<void> {
    if (!saveDir) return;
    const base = path.join(saveDir, String(index + 1).padStart(4, '0'));
    await writeFile(`${base}.txt`, ticketToText(t));
    await writeFile(`${base}.png`, await renderTicketPng(t, { columns }));
  }

  function ticketDone(t: PrintedTicket): void {
    printed.push(t);
    void save(t, printed.length - 1).catch(() => undefined); // pictures are a convenience
    for (const cb of [...listeners]) cb(t);
  }

  function createLink(write: (b: Uint8Array) => void): Link {
    return {
      buf: new Uint8Array(0),
      machine: new EscPosMachine(ticketDone),
      spoiling: false,
      send(bytes) {
        const out = Uint8Array.from(bytes);
        if (faults.slowMs > 0) setTimeout(() => write(out), faults.slowMs);
        else write(out);
      },
    };
  }

  function receive(link: Link, chunk: Uint8Array): void {
    if (faults.silent) return; // a hung printer swallows everything
    const buf = new Uint8Array(link.buf.length + chunk.length);
    buf.set(link.buf);
    buf.set(chunk, link.buf.length);
    let pos = 0;
    for (let token = nextCommand(buf, pos); token; token = nextCommand(buf, pos)) {
      const { cmd } = token;
      const length = token.end - pos;
      pos = token.end;
      // Real-time commands are answered on arrival, whatever state the printer is in.
      if (cmd.kind === 'realtimeStatus') {
        link.send([realtimeStatusByte(faults, cmd.n)]);
        continue;
      }
      if (faults.paperOutAfterBytes !== null) {
        faults.paperOutAfterBytes -= length;
        if (faults.paperOutAfterBytes <= 0)
          faults = { ...faults, paperOut: true, paperOutAfterBytes: null };
      }
      if (isOffline(faults) || link.spoiling) {
        // The job's cut ends the lost ticket; counting cuts counts tickets, not stray bytes.
        if (cmd.kind === 'cut') spoiled++;
        link.spoiling = cmd.kind !== 'cut';
        link.machine.discard();
        continue;
      }
      if (cmd.kind === 'statusRequest') link.send([paperSensorByte(faults)]);
      link.machine.apply(cmd, length);
    }
    link.buf = buf.slice(pos);
  }

  // TCP
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let tcpPort: number | null = null;
  if (opts.tcpPort !== null) {
    const srv = net.createServer((socket) => {
      sockets.add(socket);
      // Status answers are single bytes: without this, Nagle holds each one until the
      // previous is ACKed (40 ms of delayed ACK per query), which no real printer does.
      socket.setNoDelay(true);
      const link = createLink((b) => socket.writable && socket.write(b));
      socket.on('data', (chunk: Buffer) => receive(link, new Uint8Array(chunk)));
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(opts.tcpPort ?? 9100, '127.0.0.1', () => resolve());
    });
    server = srv;
    tcpPort = (srv.address() as net.AddressInfo).port;
  }

  // pty: the emulator holds one end of a socat pair, the driver gets the other
  let pty: PtyPair | null = null;
  let port: SerialPort | null = null;
  if (opts.ptyPath) {
    pty = await openPtyPair(opts.ptyPath === true ? undefined : opts.ptyPath);
    const p = new SerialPort({ path: pty.deviceEnd, baudRate: 38400, autoOpen: false });
    await new Promise<void>((resolve, reject) => p.open((err) => (err ? reject(err) : resolve())));
    const link = createLink((b) => p.isOpen && p.write(Buffer.from(b)));
    p.on('data', (chunk: Buffer) => receive(link, new Uint8Array(chunk)));
    p.on('error', () => undefined);
    port = p;
  }

  return {
    tcpPort,
    ptyPath: pty?.hostEnd,
    printed,
    get spoiled() {
      return spoiled;
    },
    get faults() {
      return faults;
    },
    setFault(patch) {
      faults = { ...faults, ...patch };
    },
    clearFaults() {
      faults = { ...NO_FAULTS };
    },
    onPrint(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    nextTicket(timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(once);
          reject(new Error(`no ticket printed within ${timeoutMs} ms`));
        }, timeoutMs);
        const once = (t: PrintedTicket): void => {
          clearTimeout(timer);
          listeners.delete(once);
          resolve(t);
        };
        listeners.add(once);
      });
    },
    async saveTo(dir) {
      await mkdir(dir, { recursive: true });
      saveDir = dir;
      for (const [i, t] of printed.entries()) await save(t, i);
    },
    dropConnections() {
      for (const s of sockets) s.destroy();
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server) await new Promise<void>((r) => server?.close(() => r()));
      if (port?.isOpen) await new Promise<void>((r) => port?.close(() => r()));
      await pty?.close();
    },
  };
}
