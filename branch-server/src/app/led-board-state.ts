import { counterSign, type Counter } from '@skr/protocol';
import type { QueueState } from '../domain';

/** Lines the hall board keeps: the two latest calls. */
export const LED_HALL_LINES = 2;

/** What a counter's board shows while its counter is closed. */
export const LED_CLOSED_TEXT = 'NIECZYNNE';

/** What a counter's board shows while its counter is paused. */
export const LED_PAUSED_TEXT = 'PRZERWA';

/** A line of the hall board: "H012 - 9" (CP1250 has no arrow; a dash reads the same). */
export function ledHallLine(ticketNumber: string, counter: Counter): string {
  return `${ticketNumber} - ${counterSign(counter)}`;
}

/** One board's text as the queue says it should be now. */
export interface LedBoardText {
  address: number;
  text: string | string[];
}

/**
 * What every board should show for the queue as it stands (at server start, or when a board or
 * the bus comes back): a counter's board its ticket in hand (blank when it has none), or the
 * closed/paused text; the hall board the latest calls, blank while every counter is closed.
 * Nothing blinks: these are not new calls. Counters without a board (undefined address) are left out.
 */
export function ledBoardTexts(
  view: Pick<QueueState, 'counters' | 'recentCalls' | 'inHand'>,
  addressOf: (counter: Counter) => number | undefined,
): { counters: LedBoardText[]; hall: string[] } {
  const counters: LedBoardText[] = [];
  for (const counter of view.counters.values()) {
    const address = addressOf(counter);
    if (address === undefined) continue;
    const text =
      counter.state === 'closed'
        ? LED_CLOSED_TEXT
        : counter.state === 'paused'
          ? LED_PAUSED_TEXT
          : (view.inHand(counter.id)?.number ?? '');
    counters.push({ address, text });
  }
  const open = [...view.counters.values()].some((c) => c.state !== 'closed');
  const hall: string[] = [];
  for (const t of open ? view.recentCalls : []) {
    const counter = t.counterId === null ? undefined : view.counters.get(t.counterId);
    if (!counter) continue;
    const line = ledHallLine(t.number, counter);
    if (!hall.includes(line)) hall.push(line);
    if (hall.length === LED_HALL_LINES) break;
  }
  return { counters, hall };
}
