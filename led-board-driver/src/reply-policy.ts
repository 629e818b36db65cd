import { SkrError } from '@skr/protocol/errors';
import type { Board, Job } from './board-state';
import type { Reply } from './reply-listener';
import { encodeShowText } from './text-codec';

/** Board liveness changes the bus announces. */
export type LedBusEvent = 'board-dead' | 'board-alive';

/** Retry policy of the bus (milliseconds and counts). */
interface ReplyPolicy {
  retries: number;
  probeIntervalMs: number;
  now: number;
}

/** What the bus must do after a reply: settle callers, announce a liveness change. */
interface ReplyEffects {
  settle?: { job: Job; error?: SkrError };
  event?: LedBusEvent;
}

/** A job for `text` with no callers yet. */
export function textJob(text: string, blink: boolean): Job {
  return { text, blink, payload: encodeShowText(text, blink), waiters: [] };
}

/** The error a caller gets when its board does not answer. */
export function offlineError(address: number): SkrError {
  return new SkrError('OFFLINE', `LED board ${address} does not answer`, { details: { address } });
}

/**
 * Updates `board` after one attempt to send `job` (undefined for a PING probe) and says what
 * follows. Rules: an ACK proves the board alive; a NAK does too, and is retried while the
 * board blames line noise; `retries` silent retransmissions in a row make the board dead,
 * after which it is only probed every `probeIntervalMs`.
 */
export function applyReply(
  board: Board,
  job: Job | undefined,
  reply: Reply,
  policy: ReplyPolicy,
): ReplyEffects {
  if (reply.kind === 'cancelled') return {};
  const revived = reply.kind !== 'timeout' && !board.alive;
  if (reply.kind !== 'timeout') {
    board.heard = true;
    board.alive = true;
    if (revived) board.failures = 0;
  }
  const event: LedBusEvent | undefined = revived ? 'board-alive' : undefined;

  if (reply.kind === 'ack') {
    board.failures = 0;
    if (job) board.lastText = board.confirmedText = job.text;
    // A superseded job's ACK updates what is shown, but its callers wait for the newer job.
    if (!job || board.job !== job) return { event };
    board.job = undefined;
    return { settle: { job }, event };
  }

  if (reply.kind === 'nak') {
    board.failures++;
    const hopeless = reply.reason !== 'CRC' && reply.reason !== 'UNKNOWN';
    if (!(hopeless || board.failures > policy.retries) || !job || board.job !== job)
      return { event };
    board.job = undefined;
    board.failures = 0;
    const error = new SkrError(
      'NAK',
      `LED board ${board.address} refused the frame (${reply.reason})`,
    );
    return { settle: { job, error }, event };
  }

  if (!board.alive) {
    board.nextProbeAt = policy.now + policy.probeIntervalMs;
    return {};
  }
  board.failures++;
  if (board.failures <= policy.retries) return {};
  board.alive = false;
  board.failures = 0;
  board.nextProbeAt = policy.now + policy.probeIntervalMs;
  const pending = board.job;
  // A board that comes back has usually lost power, so its probe carries the text it should
  // show; the pending job stays for that, only its callers are told now.
  if (!pending && board.lastText !== undefined) board.job = textJob(board.lastText, false);
  return {
    event: 'board-dead',
    ...(pending ? { settle: { job: pending, error: offlineError(board.address) } } : {}),
  };
}
