import type { Counter, QueueSettings, Service, Ticket } from '@skr/protocol';
import type { QueueView } from './calling-policy';
import { isoOf } from './time';

// What the wait estimate's dry run shows the calling policy at each step (issue 12's second
// round). A step is ~200 times per issued ticket and the policy sees two tickets or so, so the
// view itself was much of a step: a new object, a Date and the instant's text each time. One
// view per dry run is refilled instead, and the Date and the text are made only when the policy
// asks for them (the default policy, given the line positions in ms, asks for neither).

/** The step's instant as `new Date(at).getTime()` answers it, without making the Date. */
export function timeClip(at: number): number {
  // TimeClip: beyond ±8.64e15 ms or not finite is no time; else whole ms, toward zero (+0).
  if (!(Math.abs(at) <= 8.64e15)) return NaN;
  return Math.trunc(at) + 0;
}

/** The dry run's {@link QueueView}, refilled at each step; the policy keeps none of it. */
export class StepView implements QueueView {
  /** The step's instant, whole milliseconds. */
  nowMs = 0;
  /** The tickets offered at this step (refilled by the dry run's fronts). */
  readonly waiting: Ticket[] = [];
  /** The offered tickets' line positions in ms, refilled with `waiting`. */
  readonly offeredMs: number[] = [];
  /** `offeredMs` when the policy may compare them instead of the texts (see {@link shortIsoMs}). */
  lineMs: readonly number[] | undefined = undefined;
  regularSincePriority = 0;
  private iso: string | undefined = undefined;

  constructor(
    public counter: Counter,
    readonly services: ReadonlyMap<string, Service>,
    readonly counters: ReadonlyMap<number, Counter>,
    readonly settings: QueueSettings,
  ) {}

  /** Moves the view to the step at `ms` (whole milliseconds). */
  at(ms: number): void {
    this.nowMs = ms;
    this.iso = undefined;
  }

  get now(): Date {
    return new Date(this.nowMs);
  }

  /** As `isoOf(nowMs)`, made once per step and only if read. */
  get nowIso(): string {
    return (this.iso ??= isoOf(this.nowMs));
  }
}
