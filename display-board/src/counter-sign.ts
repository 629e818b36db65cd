import { counterSign, type Counter } from '@skr/protocol';

/** A counter as the waiting room sees it: its public sign large, its name for screen readers. */
export interface ScreenCounter {
  /** The number or label the voice and the LED boards give ("9", "T9"). */
  sign: string;
  name: string;
}

/** The screen's view of a counter: the same sign the voice says and the boards show. */
export function screenCounter(c: Counter): ScreenCounter {
  return { sign: counterSign(c), name: c.name };
}

/** Counter id → what the screen shows for it. */
export function screenCounters(counters: readonly Counter[]): Record<number, ScreenCounter> {
  return Object.fromEntries(counters.map((c) => [c.id, screenCounter(c)]));
}
