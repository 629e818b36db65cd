import { SkrError } from '@skr/protocol/errors';
import type { PrinterModel, PrinterStatus } from '@skr/protocol/printer';
import {
  isBarrierByte,
  isHealthy,
  isRealtimeStatusByte,
  NO_ANSWER,
  PAPER_BARRIER,
  parseStatus,
  STATUS_QUERY,
} from './status-bytes';
import { Listeners, type PrinterTransport } from './transport';

/** Options of createPrinter. */
export interface PrinterOptions {
  transport: PrinterTransport;
  model: PrinterModel;
  /** How long the printer may take to answer DLE EOT; default 1000 ms. */
  statusTimeoutMs?: number;
  /** How long a job may take from the last byte sent to the printer's GS r answer; default 5000 ms. */
  jobTimeoutMs?: number;
}

/** A ticket printer driver over any transport. */
export interface Printer {
  readonly model: PrinterModel;
  /** Last status read (or NO_ANSWER after a timeout); null before the first read. */
  readonly lastStatus: PrinterStatus | null;
  /** Reads the real-time status; rejects TIMEOUT when the printer stays silent, DISCONNECTED when unreachable. */
  status(): Promise<PrinterStatus>;
  /**
   * Prints one encoded document. Resolves once the printer has processed every byte (GS r
   * answered after the job). Rejects PAPER_OUT / COVER_OPEN / OFFLINE (status before, or after
   * a job that was not confirmed), TIMEOUT (silent printer) or DISCONNECTED (link down, or closed).
   */
  print(bytes: Uint8Array): Promise<void>;
  /** 'status' fires on every change of status; 'recovered' when an unfit or silent printer is fit again. */
  on(event: 'status' | 'recovered', cb: (s: PrinterStatus) => void): () => void;
  /** Rejects the running and queued calls with DISCONNECTED, closes the transport. */
  close(): Promise<void>;
}

interface Expectation {
  accepts(b: number): boolean;
  bytes: number[];
  need: number;
  done(bytes: number[] | Error): void;
}

/** Turns an unfit status into the error a caller can show; null when fit. */
export function statusError(s: PrinterStatus, when: string): SkrError | null {
  const details = { status: s, when };
  if (s.coverOpen)
    return new SkrError('COVER_OPEN', `printer cover is open (${when})`, { details });
  if (s.paperOut)
    return new SkrError('PAPER_OUT', `printer is out of paper (${when})`, { details });
  if (!s.online) return new SkrError('OFFLINE', `printer is offline (${when})`, { details });
  return null;
}

/** Creates a driver; the transport is opened lazily and reopened after a drop. */
export function createPrinter(opts: PrinterOptions): Printer {
  const { transport, model } = opts;
  const statusTimeoutMs = opts.statusTimeoutMs ?? 1000;
  const jobTimeoutMs = opts.jobTimeoutMs ?? 5000;
  const statusListeners = new Listeners<[PrinterStatus]>();
  const recoveredListeners = new Listeners<[PrinterStatus]>();
  let last: PrinterStatus | null = null;
  let expectation: Expectation | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  // Bytes that match no open question are late answers to one that timed out: dropped.
  const offData = transport.onData((chunk) => {
    for (const b of chunk) {
      const e = expectation;
      if (!e || !e.accepts(b)) continue;
      e.bytes.push(b);
      if (e.bytes.length === e.need) e.done(e.bytes);
    }
  });
  const offClose = transport.onClose((cause) => {
    expectation?.done(
      new SkrError('DISCONNECTED', `printer link ${transport.name} went down`, { cause }),
    );
  });

  function expect(
    accepts: (b: number) => boolean,
    need: number,
    timeoutMs: number,
    what: string,
  ): Promise<number[]> {
    return new Promise<number[]>((resolve, reject) => {
      const timer = setTimeout(
        () => e.done(new SkrError('TIMEOUT', `printer did not answer ${what} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const e: Expectation = {
        accepts,
        bytes: [],
        need,
        done(result) {
          if (expectation !== e) return;
          expectation = null;
          clearTimeout(timer);
          if (result instanceof Error) reject(result);
          else resolve(result);
        },
      };
      expectation = e;
    });
  }

  function record(s: PrinterStatus): PrinterStatus {
    const prev = last;
    last = s;
    const changed =
      !prev ||
      Object.keys(s).some((k) => s[k as keyof PrinterStatus] !== prev[k as keyof PrinterStatus]);
    if (changed) statusListeners.emit(s);
    if (prev && !isHealthy(prev) && isHealthy(s)) recoveredListeners.emit(s);
    return s;
  }

  async function ensureOpen(): Promise<void> {
    if (closed) throw new SkrError('DISCONNECTED', 'printer driver is closed');
    if (!transport.isOpen) await transport.open();
  }

  async function readStatus(): Promise<PrinterStatus> {
    await ensureOpen();
    const answer = expect(isRealtimeStatusByte, 3, statusTimeoutMs, 'DLE EOT');
    try {
      await transport.write(STATUS_QUERY);
      const [p = 0, o = 0, r = 0] = await answer;
      return record(parseStatus(p, o, r));
    } catch (err) {
      expectation?.done(err as Error);
      await answer.catch(() => undefined);
      if (err instanceof SkrError && err.code === 'TIMEOUT') record(NO_ANSWER);
      throw err;
    }
  }

  async function printJob(bytes: Uint8Array): Promise<void> {
    const before = await readStatus();
    const unfit = statusError(before, 'before printing');
    if (unfit) throw unfit;
    const job = new Uint8Array(bytes.length + PAPER_BARRIER.length);
    job.set(bytes);
    job.set(PAPER_BARRIER, bytes.length);
    const confirmed = expect(isBarrierByte, 1, jobTimeoutMs, 'GS r after the job');
    try {
      await transport.write(job);
      await confirmed;
    } catch (err) {
      expectation?.done(err as Error);
      await confirmed.catch(() => undefined);
      if (!(err instanceof SkrError) || err.code !== 'TIMEOUT') throw err;
      // The job was not confirmed: the status now says why (paper ran out, cover opened).
      const after = await readStatus();
      throw statusError(after, 'while printing') ?? err;
    }
    // Confirmed jobs are printed; a problem seen now concerns the next one and reaches
    // callers through the 'status' event and the next print's check.
    await readStatus();
  }

  // One conversation at a time: status answers carry no id, so questions must not overlap.
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(() => {
      if (closed) throw new SkrError('DISCONNECTED', 'printer driver is closed');
      return fn();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    model,
    get lastStatus() {
      return last;
    },
    status: () => serial(readStatus),
    print: (bytes) => serial(() => printJob(bytes)),
    on(event, cb) {
      return event === 'status' ? statusListeners.add(cb) : recoveredListeners.add(cb);
    },
    async close() {
      if (closed) return;
      closed = true;
      expectation?.done(new SkrError('DISCONNECTED', 'printer driver closed'));
      await queue;
      offData();
      offClose();
      await transport.close();
    },
  };
}
