import { counterSign, type BranchEvent, type Counter } from '@skr/protocol';
import type { LedBus } from '@skr/led-board-driver';
import type { Branch } from './branch';

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

/** What the LED boards show for a counter: its sign ("9", or the label "T9"). */
function ledCounterText(counter: Counter): string {
  return counterSign(counter);
}

/** A line of the hall board: "H012 - 9" (CP1250 has no arrow; a dash reads the same). */
function ledHallLine(ticketNumber: string, counter: Counter): string {
  return `${ticketNumber} - ${ledCounterText(counter)}`;
}

/**
 * Keeps the LED boards in step with the queue: on every call the counter's board and the hall
 * board show the number (blinking), a recall blinks again, and a counter's board shows its
 * state when it closes or pauses. A dead board is reported to the monitor; it never blocks a
 * call (the bus keeps live boards first).
 */
export function driveLedBoards(
  branch: Branch,
  bus: LedBus,
  layout: LedLayout,
  warn: (e: unknown) => void,
): () => void {
  const addressOf = layout.counterAddress ?? ((c: Counter) => c.number);
  const watched = new Set([layout.hallAddress, ...(layout.boards ?? [])]);
  const hall: string[] = [];
  const send = (address: number | undefined, text: string[] | string, blink = false) => {
    if (address === undefined) return;
    bus.show(address, text, { blink }).then(() => watched.add(address), warn);
  };

  const listener = (e: BranchEvent) => {
    const t = e.ticket;
    if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && t?.counterId) {
      const counter = branch.view().counters.get(t.counterId);
      if (!counter) return;
      send(addressOf(counter), t.number, true);
      const line = ledHallLine(t.number, counter);
      if (hall[0] !== line) hall.unshift(line);
      hall.length = Math.min(hall.length, 2);
      send(layout.hallAddress, [...hall], true);
    } else if (e.type === 'counter.closed' && e.counter) {
      send(addressOf(e.counter), 'NIECZYNNE');
    } else if (e.type === 'counter.paused' && e.counter) {
      send(addressOf(e.counter), 'PRZERWA');
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
  const offAlive = bus.on('board-alive', report(true));
  return () => {
    unsubscribe();
    offDead();
    offAlive();
  };
}
