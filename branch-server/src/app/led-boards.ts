import type { BranchEvent, Counter } from '@skr/protocol';
import type { LedBus } from '@skr/led-board-driver';
import type { Branch } from './branch';
import {
  LED_CLOSED_TEXT,
  LED_HALL_LINES,
  LED_PAUSED_TEXT,
  ledBoardTexts,
  ledHallLine,
} from './led-board-state';

/** Where the boards hang on the RS-485 bus. */
export interface LedLayout {
  /** Address of the hall board (shows the latest calls). */
  hallAddress: number;
  /** Address of a counter's board, or undefined when it has none; its public number by default. */
  counterAddress?: (counter: Counter) => number | undefined;
  /**
   * Addresses known to carry a board (from configuration): a silent one is reported from the
   * start. Any other address is reported only after it has answered once, so a counter that
   * simply has no board never raises a lasting OFFLINE alarm.
   */
  boards?: readonly number[];
}

/**
 * Keeps the LED boards in step with the queue: on every call the counter's board and the hall
 * board show the number (blinking), a recall blinks again, and a counter's board shows its
 * state when it closes or pauses; when the last counter closes the hall board goes blank. At
 * start, when the bus's port comes back and when a dead board answers again, the boards are
 * shown the queue's present state (see ledBoardTexts), so a board never waits dark for the
 * next call. A dead board is reported to the monitor; it never blocks a call (the bus keeps
 * live boards first).
 */
export function driveLedBoards(
  branch: Branch,
  bus: LedBus,
  layout: LedLayout,
  warn: (e: unknown) => void,
): () => void {
  const addressOf = layout.counterAddress ?? ((c: Counter) => c.number);
  const watched = new Set([layout.hallAddress, ...(layout.boards ?? [])]);
  let hall: string[] = [];
  const send = (address: number | undefined, text: string[] | string, blink = false) => {
    if (address === undefined) return;
    bus.show(address, text, { blink }).then(() => watched.add(address), warn);
  };

  // Shows the queue's state on every board (or on `only`). With a configured list, only boards
  // known to exist get it: a counter with no board would otherwise be probed from the start.
  const showState = (only?: number) => {
    const state = ledBoardTexts(branch.view(), addressOf);
    const wanted = (a: number) =>
      only === undefined ? !layout.boards || watched.has(a) : only === a;
    for (const { address, text } of state.counters) if (wanted(address)) send(address, text);
    if (!wanted(layout.hallAddress)) return;
    // The hall board's lines become the ones the next call pushes onto.
    hall = state.hall;
    send(layout.hallAddress, [...hall]);
  };

  const listener = (e: BranchEvent) => {
    const t = e.ticket;
    if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && t?.counterId) {
      const counter = branch.view().counters.get(t.counterId);
      if (!counter) return;
      send(addressOf(counter), t.number, true);
      const line = ledHallLine(t.number, counter);
      if (hall[0] !== line) hall.unshift(line);
      hall.length = Math.min(hall.length, LED_HALL_LINES);
      send(layout.hallAddress, [...hall], true);
    } else if (e.type === 'counter.closed' && e.counter) {
      send(addressOf(e.counter), LED_CLOSED_TEXT);
      // The last counter closed (the end of the day closes them all): the hall board forgets its
      // calls, so the next morning's "H001 - 12" is never read as yesterday's.
      const open = [...branch.view().counters.values()].some((c) => c.state !== 'closed');
      if (!open && hall.length > 0) {
        hall.length = 0;
        send(layout.hallAddress, '');
      }
    } else if (e.type === 'counter.paused' && e.counter) {
      send(addressOf(e.counter), LED_PAUSED_TEXT);
    } else if (e.type === 'counter.opened' && e.counter) {
      send(addressOf(e.counter), '');
    }
  };
  const unsubscribe = branch.subscribe(listener);
  const report = (ok: boolean) => (address: number) => {
    if (!ok && !watched.has(address)) return;
    const device = { id: `led-${address}`, name: `Tablica LED ${address}`, kind: 'board' };
    branch.reportDeviceStatus(
      device,
      { component: 'led-board', ok, ...(ok ? {} : { code: 'OFFLINE' }) },
      'system:led-bus',
    );
  };
  const offDead = bus.on('board-dead', report(false));
  const offAlive = bus.on('board-alive', (address) => {
    report(true)(address);
    // A board back from the dead has usually lost power: it gets what it should show now.
    showState(address);
  });
  const offReconnect = bus.onReconnect(() => showState());
  showState();
  return () => {
    unsubscribe();
    offDead();
    offAlive();
    offReconnect();
  };
}
