import type { BranchEvent } from '@skr/protocol';
import type { LedBus } from '@skr/led-board-driver';
import type { Branch } from './branch';

/** Where the boards hang on the RS-485 bus. */
export interface LedLayout {
  /** Address of the hall board (shows the latest calls). */
  hallAddress: number;
  /** Address of a counter's board; the counter number by default. */
  counterAddress?: (counterId: number) => number;
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
  const addressOf = layout.counterAddress ?? ((id: number) => id);
  const hall: string[] = [];
  const send = (p: Promise<void>) => p.catch(warn);

  const listener = (e: BranchEvent) => {
    const t = e.ticket;
    if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && t?.counterId) {
      send(bus.show(addressOf(t.counterId), t.number, { blink: true }));
      // CP1250 has no arrow; a dash reads the same on a narrow board.
      const line = `${t.number} - ${t.counterId}`;
      if (hall[0] !== line) hall.unshift(line);
      hall.length = Math.min(hall.length, 2);
      send(bus.show(layout.hallAddress, [...hall], { blink: true }));
    } else if (e.type === 'counter.closed' && e.counter) {
      send(bus.show(addressOf(e.counter.id), 'NIECZYNNE'));
    } else if (e.type === 'counter.paused' && e.counter) {
      send(bus.show(addressOf(e.counter.id), 'PRZERWA'));
    } else if (e.type === 'counter.opened' && e.counter) {
      send(bus.show(addressOf(e.counter.id), ''));
    }
  };
  const unsubscribe = branch.subscribe(listener);
  const report = (ok: boolean) => (address: number) => {
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
