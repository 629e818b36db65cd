import type { Counter, QueueSettings, Service, Ticket } from '@skr/protocol';
import type { OpeningHours } from '@skr/protocol/manager';

/** What the decisions read of the branch: a read-only view of its working memory. */
export interface QueueState {
  readonly services: ReadonlyMap<string, Service>;
  /** Walk-in hours per service (absent = always open). */
  readonly hours: ReadonlyMap<string, OpeningHours>;
  readonly counters: ReadonlyMap<number, Counter>;
  readonly settings: QueueSettings;
  /** Active tickets (waiting, called, serving, parked). */
  readonly active: ReadonlyMap<string, Ticket>;
  readonly recentCalls: readonly Ticket[];
  readonly durations: ReadonlyMap<string, readonly number[]>;
  /** Regular tickets called since the last priority ticket, branch-wide. */
  readonly regularSincePriority: number;
  /** Waiting tickets, in line order. */
  waiting(): Ticket[];
  /** Waiting tickets of one service. */
  waitingIn(serviceId: string): Ticket[];
  /** The ticket a counter has in hand (called or being served). */
  inHand(counterId: number): Ticket | undefined;
  /**
   * The latest line position (ms) of the waiting walk-ins, -Infinity if none; when absent,
   * `endOfLine` scans the active tickets (the same answer, slower).
   */
  walkInLineEnd?(): number;
}

/** Line position in front of everyone now waiting in `inLine`. */
export function frontOf(state: QueueState, inLine: (t: Ticket) => boolean, now: Date): string {
  const first = Math.min(
    now.getTime(),
    ...state
      .waiting()
      .filter(inLine)
      .map((t) => Date.parse(t.lineAt)),
  );
  return new Date(first - 1000).toISOString();
}
