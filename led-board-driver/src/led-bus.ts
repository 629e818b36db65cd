import { SkrError } from '@skr/protocol/errors';
import { LED_BROADCAST_ADDRESS, LED_MAX_ADDRESS } from '@skr/protocol/led-board';
import type { LedBoardState } from '@skr/protocol/led-board';
import { newBoard, nextProbeTime, pickTurn } from './board-state';
import type { Board, Job, Turn } from './board-state';
import { encodeFrame } from './frame-encode';
import { createReplyListener } from './reply-listener';
import type { Reply } from './reply-listener';
import { boardText, encodeShowText } from './text-codec';
import { applyReply, offlineError, textJob } from './reply-policy';
import type { LedBusEvent } from './reply-policy';
import type { LedTransport } from './transport';

/** Options of createLedBus; every timing is in milliseconds. */
export interface LedBusOptions {
  transport: LedTransport;
  /** How long to wait for a board's ACK once the frame has left the port (default 150). */
  ackTimeoutMs?: number;
  /** Retransmissions after the first attempt before a silent board is declared dead (default 2). */
  retries?: number;
  /** How often a dead board is probed (default 5,000). */
  probeIntervalMs?: number;
  /** How many times each broadcast frame is sent, as nobody acknowledges it (default 2). */
  broadcastRepeats?: number;
  /** Boards known from configuration, listed by boardStates() before their first show(). */
  addresses?: number[];
}

export type { LedBusEvent } from './reply-policy';

/** The RS-485 LED bus: one master (us), boards 1..247, one frame on the wire at a time. */
export interface LedBus {
  /** Shows text on one board; resolves on its ACK (or a newer text's), rejects OFFLINE/NAK/DISCONNECTED. */
  show(address: number, lines: string[] | string, options?: { blink?: boolean }): Promise<void>;
  /** Shows text on every board at once; resolves when the (unacknowledged) frames have left the port. */
  broadcast(text: string[] | string): Promise<void>;
  /** Every known board: address, whether it answers, the text we believe it shows. */
  boardStates(): LedBoardState[];
  /** Subscribes to a board going silent or coming back; returns the unsubscribe function. */
  on(event: LedBusEvent, listener: (address: number) => void): () => void;
  /**
   * Subscribes to the port coming back after it was lost: the boards' texts are unknown by then,
   * so the caller shows again what each should show. Returns the unsubscribe function.
   */
  onReconnect(listener: () => void): () => void;
  /** Stops the bus: pending show()/broadcast() reject DISCONNECTED, then the transport closes. */
  close(): Promise<void>;
}

interface BroadcastJob {
  payload: Uint8Array;
  text: string;
  waiters: { resolve: () => void; reject: (e: Error) => void }[];
}

/** Creates the bus over a transport it then owns (close() closes the transport too). */
export function createLedBus(options: LedBusOptions): LedBus {
  const {
    transport,
    ackTimeoutMs = 150,
    retries = 2,
    probeIntervalMs = 5000,
    broadcastRepeats = 2,
  } = options;
  const boards = new Map<number, Board>();
  const listeners = {
    'board-dead': new Set<(a: number) => void>(),
    'board-alive': new Set<(a: number) => void>(),
  };
  const replies = createReplyListener(transport);
  let broadcastJob: BroadcastJob | undefined;
  let broadcastSeq = Math.floor(Math.random() * 256);
  let cursor = 0;
  let pumping = false;
  let closed = false;
  let probeTimer: NodeJS.Timeout | undefined;
  for (const address of options.addresses ?? []) boardAt(address);
  const reconnectListeners = new Set<() => void>();
  const offReopen = transport.onReopen?.(() => {
    // Whatever we believed the boards show is unknown now: the next show() of the same text is sent.
    for (const board of boards.values()) board.confirmedText = undefined;
    for (const listener of reconnectListeners) listener();
  });

  function boardAt(address: number): Board {
    if (!Number.isInteger(address) || address < 1 || address > LED_MAX_ADDRESS) {
      throw new RangeError(`LED board address ${address} out of 1..${LED_MAX_ADDRESS}`);
    }
    let board = boards.get(address);
    if (!board) boards.set(address, (board = newBoard(address)));
    return board;
  }

  function emit(event: LedBusEvent, address: number): void {
    for (const listener of listeners[event]) listener(address);
  }

  function settle(job: Job, error?: Error): void {
    for (const w of job.waiters) {
      if (error) w.reject(error);
      else w.resolve();
    }
    job.waiters = [];
  }

  function wake(): void {
    if (!pumping && !closed) void pump();
  }

  async function pump(): Promise<void> {
    pumping = true;
    clearTimeout(probeTimer);
    try {
      while (!closed) {
        if (broadcastJob) {
          await sendBroadcast(broadcastJob);
          continue;
        }
        const turn = pickTurn([...boards.values()], cursor, performance.now());
        if (!turn) break;
        cursor = turn.board.address;
        await attempt(turn);
      }
    } finally {
      pumping = false;
    }
    const probeAt = nextProbeTime([...boards.values()]);
    if (!closed && probeAt !== undefined) {
      probeTimer = setTimeout(wake, Math.max(0, probeAt - performance.now()));
      probeTimer.unref();
    }
  }

  async function attempt({ board, kind }: Turn): Promise<void> {
    const job = board.job;
    if (job && job.seq === undefined) job.seq = board.seq = (board.seq + 1) & 0xff;
    const seq = job?.seq ?? (board.seq = (board.seq + 1) & 0xff);
    const bytes = job
      ? encodeFrame({ address: board.address, seq, command: 'SHOW_TEXT', payload: job.payload })
      : encodeFrame({ address: board.address, seq, command: 'PING', payload: new Uint8Array(0) });
    const expectation = replies.expect(board.address, seq, ackTimeoutMs);
    try {
      await transport.write(bytes);
    } catch (error) {
      expectation.cancel();
      // The port itself failed: every board would fail alike, so give up this job instead of
      // spinning on retries; the caller learns DISCONNECTED.
      if (job) settle(job, asSkrError(error));
      // A dead board keeps its text for the next probe; the port may be back by then.
      if (kind === 'probe') board.nextProbeAt = performance.now() + probeIntervalMs;
      else if (board.job === job) board.job = undefined;
      return;
    }
    expectation.arm();
    onReply(board, job, await expectation.reply);
  }

  function onReply(board: Board, job: Job | undefined, reply: Reply): void {
    const effects = applyReply(board, job, reply, {
      retries,
      probeIntervalMs,
      now: performance.now(),
    });
    if (effects.settle) settle(effects.settle.job, effects.settle.error);
    if (effects.event) emit(effects.event, board.address);
  }

  async function sendBroadcast(job: BroadcastJob): Promise<void> {
    broadcastSeq = (broadcastSeq + 1) & 0xff;
    const bytes = encodeFrame({
      address: LED_BROADCAST_ADDRESS,
      seq: broadcastSeq,
      command: 'SHOW_TEXT',
      payload: job.payload,
    });
    try {
      for (let i = 0; i < broadcastRepeats; i++) await transport.write(bytes);
    } catch (error) {
      if (broadcastJob === job) broadcastJob = undefined;
      for (const w of job.waiters) w.reject(asSkrError(error));
      return;
    }
    if (broadcastJob === job) broadcastJob = undefined;
    for (const board of boards.values()) {
      board.lastText = job.text;
      board.confirmedText = undefined;
      // A dead board missed it: its probe will carry the broadcast text instead.
      if (!board.alive) board.job = textJob(job.text, false);
    }
    for (const w of job.waiters) w.resolve();
  }

  return {
    show(address, lines, { blink = false } = {}) {
      return new Promise<void>((resolve, reject) => {
        if (closed) throw closedError();
        const board = boardAt(address);
        const text = boardText(lines);
        const job = board.job;
        if (!job && !blink && board.alive && board.confirmedText === text) return resolve();
        const next = job && job.text === text && job.blink === blink ? job : textJob(text, blink);
        // Newer text supersedes an older one not yet acknowledged: the older callers settle with it.
        if (job && next !== job) next.waiters.push(...job.waiters);
        board.job = next;
        if (board.alive) next.waiters.push({ resolve, reject });
        else reject(offlineError(address));
        wake();
      });
    },
    broadcast(text) {
      return new Promise<void>((resolve, reject) => {
        if (closed) throw closedError();
        const joined = boardText(text);
        const job: BroadcastJob = {
          text: joined,
          payload: encodeShowText(joined, false),
          waiters: [],
        };
        // Broadcast supersedes every older unsent text; those callers settle when it goes out.
        for (const board of boards.values()) {
          if (board.job && board.alive && board.job.seq === undefined) {
            job.waiters.push(...board.job.waiters);
            board.job = undefined;
          }
        }
        if (broadcastJob) job.waiters.push(...broadcastJob.waiters);
        job.waiters.push({ resolve, reject });
        broadcastJob = job;
        wake();
      });
    },
    boardStates() {
      return [...boards.values()]
        .sort((a, b) => a.address - b.address)
        .map((b) => ({
          address: b.address,
          alive: b.alive,
          ...(b.lastText === undefined ? {} : { lastText: b.lastText }),
        }));
    },
    on(event, listener) {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(probeTimer);
      offReopen?.();
      reconnectListeners.clear();
      const error = closedError();
      for (const board of boards.values()) if (board.job) settle(board.job, error);
      if (broadcastJob) for (const w of broadcastJob.waiters) w.reject(error);
      broadcastJob = undefined;
      replies.close();
      await transport.close();
    },
  };
}

function closedError(): SkrError {
  return new SkrError('DISCONNECTED', 'LED bus is closed');
}

function asSkrError(error: unknown): SkrError {
  return error instanceof SkrError
    ? error
    : new SkrError('DISCONNECTED', 'LED bus write failed', { cause: error });
}
