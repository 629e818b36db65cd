import { LED_NAK_CODES } from '@skr/protocol/led-board';
import type { LedNakReason } from '@skr/protocol/led-board';
import { decodeFrames } from './frame-decode';
import type { LedTransport } from './transport';

/** How one attempt ended. */
export type Reply =
  | { kind: 'ack' }
  | { kind: 'nak'; reason: LedNakReason | 'UNKNOWN' }
  | { kind: 'timeout' }
  | { kind: 'cancelled' };

/** One awaited answer: `arm` starts the timeout clock, `cancel` gives up at once. */
export interface Expectation {
  reply: Promise<Reply>;
  arm: () => void;
  cancel: () => void;
}

/** Awaits the answer of one board to one frame; everything else on the bus is ignored. */
interface ReplyListener {
  /** Resolves with the ACK/NAK carrying this address and seq, or 'timeout' after `timeoutMs`. */
  expect(address: number, seq: number, timeoutMs: number): Expectation;
  /** Ends a pending wait with 'cancelled' and stops listening. */
  close(): void;
}

const NAK_BY_CODE = new Map<number, LedNakReason>(
  Object.entries(LED_NAK_CODES).map(([name, code]) => [code, name as LedNakReason]),
);

/**
 * Listens on the transport. Only ACK/NAK frames matching the awaited address and seq count:
 * an adapter that echoes our own frames, a late ACK of an earlier attempt and garbled replies
 * are all ignored, so a bad reply costs a timeout, never a wrong answer.
 */
export function createReplyListener(transport: LedTransport): ReplyListener {
  let carry: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  let pending: { address: number; seq: number; settle: (r: Reply) => void } | undefined;

  const unsubscribe = transport.onData((chunk) => {
    const result = decodeFrames(chunk, carry);
    carry = result.carry;
    for (const event of result.events) {
      if (event.type !== 'frame' || !pending) continue;
      const { frame } = event;
      if (frame.address !== pending.address || frame.seq !== pending.seq) continue;
      if (frame.command === 'ACK') pending.settle({ kind: 'ack' });
      else if (frame.command === 'NAK') {
        pending.settle({
          kind: 'nak',
          reason: NAK_BY_CODE.get(frame.payload[0] ?? -1) ?? 'UNKNOWN',
        });
      }
    }
  });

  return {
    expect(address, seq, timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      let resolveReply: (r: Reply) => void = () => undefined;
      const reply = new Promise<Reply>((resolve) => (resolveReply = resolve));
      let done = false;
      const settle = (r: Reply) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (pending?.settle === settle) pending = undefined;
        resolveReply(r);
      };
      // Listen before the frame is written, so a fast board cannot answer too early;
      // the clock starts only once the frame has left the port (arm).
      pending = { address, seq, settle };
      const arm = () => {
        if (pending?.settle === settle)
          timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
      };
      return { reply, arm, cancel: () => settle({ kind: 'cancelled' }) };
    },
    close() {
      unsubscribe();
      pending?.settle({ kind: 'cancelled' });
    },
  };
}
