import { EventEmitter } from 'node:events';
import type { CardEvent } from '@skr/protocol/card';
import { SkrError } from '@skr/protocol/errors';
import { redactApdu, splitResponse, swHex } from './apdu';
import { openPcsclite, type PcscCardReader, type PcscContext } from './pcsc-binding';
import { pcscErrorCode } from './pcsc-errors';

/** pino-compatible logger subset; APDUs are logged redacted (never a PIN). */
export interface CardLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Options of {@link createPcscReaderService}. */
export interface PcscReaderServiceOptions {
  /** PC/SC context; defaults to pcsclite (real pcscd). */
  context?: PcscContext;
  logger?: CardLogger;
}

/** PC/SC readers: presence events and APDU exchange with a per-call timeout. */
export interface PcscReaderService {
  /** Names of the readers pcscd currently shows. */
  readers(): string[];
  /** True while a card sits in `reader`. */
  cardPresent(reader: string): boolean;
  /** Subscribes to card insertion/removal; returns the unsubscribe function. */
  on(event: CardEvent['type'], cb: (e: CardEvent) => void): () => void;
  /** Resolves when `reader` is known (readers appear a moment after start); rejects TIMEOUT. */
  waitForReader(reader: string, timeoutMs: number): Promise<void>;
  /** Resolves when the card in `reader` is present (or absent); rejects TIMEOUT. */
  waitForCard(reader: string, present: boolean, timeoutMs: number): Promise<void>;
  /**
   * Sends one APDU, connecting (shared mode) on first use; resolves data + SW1 SW2.
   * Rejects CARD_REMOVED when the card is absent or pulled mid-command, TIMEOUT when the card
   * does not answer in `timeoutMs` (the command stays pending in pcscd until the card goes),
   * NOT_FOUND for an unknown reader. Calls to one reader run one at a time, in order.
   */
  transmit(reader: string, apdu: Buffer, timeoutMs: number): Promise<Buffer>;
  /** SCardControl with a full control code (see scardCtlCode; feature TLVs carry full codes). */
  control(reader: string, code: number, data: Buffer, timeoutMs: number): Promise<Buffer>;
  /** Drops our connection; `reset` also resets the card so a verified PIN is forgotten. */
  disconnect(reader: string, opts?: { reset?: boolean }): Promise<void>;
  /** Releases pcsclite; later calls reject DISCONNECTED. */
  close(): void;
}

interface ReaderState {
  r: PcscCardReader;
  present: boolean;
  protocol: number | null;
  /** Serializes connect/transmit/control so pcscd sees one command at a time from us. */
  queue: Promise<unknown>;
}

const PRESENT_EVENT_COUNTER_SHIFT = 16;
const fail = (code: SkrError['code'], msg: string, cause?: unknown) =>
  new SkrError(code, msg, { cause });

/** Creates the PC/SC reader service over pcscd (or the given context). */
export function createPcscReaderService(opts: PcscReaderServiceOptions = {}): PcscReaderService {
  const ctx = opts.context ?? openPcsclite();
  const log = opts.logger;
  const readers = new Map<string, ReaderState>();
  const events = new EventEmitter();
  let closed = false;

  const emitCard = (type: CardEvent['type'], reader: string) =>
    events.emit('card', { type, reader });

  ctx.on('error', (e) => {
    if (!closed) log?.warn({ err: String(e) }, 'pcsc context error');
  });
  ctx.on('reader', (r) => {
    const st: ReaderState = { r, present: false, protocol: null, queue: Promise.resolve() };
    let lastCounter = -1;
    readers.set(r.name, st);
    events.emit('reader', r.name);
    r.on('error', (e) => log?.warn({ reader: r.name, err: String(e) }, 'pcsc reader error'));
    r.on('status', ({ state }) => {
      const present = (state & r.SCARD_STATE_PRESENT) !== 0 && (state & r.SCARD_STATE_MUTE) === 0;
      const counter = state >>> PRESENT_EVENT_COUNTER_SHIFT;
      // The upper 16 bits count insertions + removals: a jump of 2 with the card still
      // present means it was swapped between two polls.
      const swapped = present && st.present && lastCounter >= 0 && counter - lastCounter >= 2;
      lastCounter = counter;
      if (st.present && (!present || swapped)) {
        st.present = false;
        st.protocol = null;
        emitCard('removed', r.name);
      }
      if (present && !st.present) {
        st.present = true;
        emitCard('inserted', r.name);
      }
      events.emit('status', r.name);
    });
    r.on('end', () => {
      readers.delete(r.name);
      if (st.present) emitCard('removed', r.name);
    });
  });

  function reader(name: string): ReaderState {
    if (closed) throw fail('DISCONNECTED', 'card reader service closed');
    const st = readers.get(name);
    if (!st) throw fail('NOT_FOUND', `no such reader: ${name}`);
    return st;
  }

  /** Runs `job` after the reader's earlier calls; the caller's timeout covers the wait too. */
  function enqueue<T>(
    st: ReaderState,
    timeoutMs: number,
    what: string,
    job: () => Promise<T>,
  ): Promise<T> {
    const run = st.queue.then(job, job);
    st.queue = run.catch(() => undefined);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(fail('TIMEOUT', `${what}: no answer in ${timeoutMs} ms`)),
        timeoutMs,
      );
      run.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }

  async function connect(st: ReaderState): Promise<number> {
    if (st.protocol !== null && st.r.connected) return st.protocol;
    const { r } = st;
    // A handle left from a card that has since gone: pcsclite would reuse it silently.
    if (r.connected) await dropConnection(st, r.SCARD_LEAVE_CARD);
    return new Promise((resolve, reject) => {
      r.connect(
        { share_mode: r.SCARD_SHARE_SHARED, protocol: r.SCARD_PROTOCOL_T0 | r.SCARD_PROTOCOL_T1 },
        (err, protocol) => {
          if (err)
            return reject(fail(pcscErrorCode(err), `connect ${r.name}: ${String(err)}`, err));
          st.protocol = protocol;
          resolve(protocol);
        },
      );
    });
  }

  function dropConnection(st: ReaderState, disposition: number): Promise<void> {
    st.protocol = null;
    if (!st.r.connected) return Promise.resolve();
    return new Promise((resolve) => st.r.disconnect(disposition, () => resolve()));
  }

  /** A failed exchange: forget the handle when the card went, so the next call reconnects. */
  async function failed(st: ReaderState, err: unknown, what: string): Promise<never> {
    const code = pcscErrorCode(err);
    if (code === 'CARD_REMOVED' || code === 'DISCONNECTED')
      await dropConnection(st, st.r.SCARD_LEAVE_CARD);
    throw fail(code, `${what} on ${st.r.name}: ${String(err)}`, err);
  }

  /**
   * Runs `op` in the reader's turn on its connected card. Rejects, never throws: an unknown
   * reader, or CARD_REMOVED when no card is in it.
   */
  function withCard<T>(
    name: string,
    timeoutMs: number,
    what: string,
    op: (st: ReaderState, protocol: number) => Promise<T>,
  ): Promise<T> {
    let st: ReaderState;
    try {
      st = reader(name);
    } catch (e) {
      return Promise.reject(e);
    }
    return enqueue(st, timeoutMs, what, async () => {
      if (!st.present) throw fail('CARD_REMOVED', `no card in ${name}`);
      return op(st, await connect(st));
    });
  }

  return {
    readers: () => [...readers.keys()],
    cardPresent: (name) => readers.get(name)?.present ?? false,
    on(event, cb) {
      const l = (e: CardEvent) => {
        if (e.type === event) cb(e);
      };
      events.on('card', l);
      return () => events.off('card', l);
    },
    waitForReader(name, timeoutMs) {
      return waitUntil(events, 'reader', () => readers.has(name), timeoutMs, `reader ${name}`);
    },
    waitForCard(name, present, timeoutMs) {
      const test = () => (readers.get(name)?.present ?? false) === present;
      return waitUntil(
        events,
        'status',
        test,
        timeoutMs,
        `card ${present ? 'in' : 'out of'} ${name}`,
      );
    },
    transmit(name, apdu, timeoutMs) {
      return withCard(name, timeoutMs, 'transmit', async (st, protocol) => {
        const started = Date.now();
        const raw = await new Promise<Buffer>((resolve, reject) =>
          st.r.transmit(apdu, 4096, protocol, (err, data) => (err ? reject(err) : resolve(data))),
        ).catch((err: unknown) => failed(st, err, 'transmit'));
        // vpcd and some drivers answer an empty buffer when the card vanished mid-command.
        if (raw.length < 2)
          return failed(st, new Error('card vanished mid-command (0x80100069)'), 'transmit');
        const { sw } = splitResponse(raw);
        log?.debug(
          { reader: name, apdu: redactApdu(apdu), sw: swHex(sw), ms: Date.now() - started },
          'apdu',
        );
        return raw;
      });
    },
    control(name, code, data, timeoutMs) {
      return withCard(name, timeoutMs, 'control', (st) =>
        new Promise<Buffer>((resolve, reject) =>
          st.r.control(data, code, 1024, (err, out) => (err ? reject(err) : resolve(out))),
        ).catch((err: unknown) => failed(st, err, 'control')),
      );
    },
    async disconnect(name, o = {}) {
      const st = readers.get(name);
      if (!st) return;
      const disposition = o.reset ? st.r.SCARD_RESET_CARD : st.r.SCARD_LEAVE_CARD;
      await enqueue(st, 5_000, 'disconnect', () => dropConnection(st, disposition));
    },
    close() {
      if (closed) return;
      closed = true;
      for (const st of readers.values()) st.r.close();
      readers.clear();
      events.removeAllListeners();
      ctx.close();
    },
  };
}

/** Resolves once `test()` holds, re-checking on each `event`; rejects TIMEOUT after `ms`. */
function waitUntil(
  events: EventEmitter,
  event: string,
  test: () => boolean,
  ms: number,
  what: string,
): Promise<void> {
  if (test()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!test()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(fail('TIMEOUT', `waited ${ms} ms for ${what}`));
    }, ms);
    const cleanup = () => {
      clearTimeout(timer);
      events.off(event, check);
    };
    events.on(event, check);
  });
}
