import type { CallEntry } from './board-state';

/** What the two call panels show. */
export interface ArrangedCalls {
  /** The big panel: the call being announced, else the newest. */
  latest: CallEntry | undefined;
  /** The list under it, newest first. */
  history: CallEntry[];
}

/**
 * Splits a screen's visible calls (newest first) between the big panel and the history list.
 * During a burst the big panel follows the voice (the call being announced), not the newest
 * call, so a client sees their number while they hear it. The history keeps `size` entries
 * but never cuts a call that has not been announced yet: at opening twelve counters call at
 * once and a list of eight must not push calls off before anyone saw them.
 */
export function arrangeCalls(
  calls: readonly CallEntry[],
  size: number,
  presenting: string | null,
  unheard: ReadonlySet<string>,
): ArrangedCalls {
  const latest = (presenting && calls.find((c) => c.ticketId === presenting)) || calls[0];
  const history: CallEntry[] = [];
  for (const c of calls) {
    if (c === latest) continue;
    if (history.length < size || unheard.has(c.ticketId)) history.push(c);
  }
  return { latest, history };
}
