import type { BranchEvent } from '@skr/protocol';
import type { FanOut } from './fan-out';

/** At most one `ticket.issued` event per this many ms reaches the public screens. */
export const ISSUED_EVERY_MS = 250;

/**
 * Thins the `ticket.issued` events on their way to public sockets (screens, kiosks). A screen
 * draws nothing from an issued ticket: it keeps the seq and refreshes its line counts (which
 * it debounces by 300 ms anyway), so writing every issue to 100 screens — a frame and a
 * syscall each — cost the branch far more than it showed. The first issued event of a quiet
 * spell goes at once; those that follow within `everyMs` are held, and only the last one
 * goes when the window ends. Every other event (calls above all) goes at once, after the
 * held one, so a screen sees a subsequence of the log in seq order that ends at the same
 * seq, and its state (calls, counters, resume point) is what the whole log would give.
 * `flush` releases the held event first, so a socket that joins after it never gets an
 * event its snapshot already holds.
 */
export function coalesceIssued(next: FanOut, everyMs = ISSUED_EVERY_MS): FanOut {
  let held: BranchEvent | undefined;
  let window: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    if (!held) return;
    const e = held;
    held = undefined;
    next.push(e);
  };
  const open = () => {
    window = setTimeout(() => {
      window = undefined;
      // A held event starts the next window, so the pace stays at one per `everyMs`.
      if (held) {
        release();
        open();
      }
    }, everyMs);
    window.unref();
  };
  return {
    push(e) {
      if (e.type !== 'ticket.issued') {
        release();
        next.push(e);
      } else if (window) {
        held = e;
      } else {
        next.push(e);
        open();
      }
    },
    flush() {
      release();
      next.flush();
    },
  };
}
