import { eligible, isBooked, type CallingPolicy } from '../domain';
import { byLine } from '../domain/line-order';

/**
 * A reference point of the scheduler-quality benchmark, not a goal: FIFO that keeps the booked
 * visits' promise. A booked visit whose time has come goes first (earliest booked time first),
 * everyone else by line position as {@link fifoPolicy} does. It shows what calling bookings on
 * time costs walk-ins when nothing else changes: FIFO's longest wait is that of a day where
 * bookings wait as long as everyone (issue 14; docs/bookings.md).
 */
export const bookedFifoPolicy: CallingPolicy = (view) => {
  const nowIso = view.nowIso ?? view.now.toISOString();
  let first;
  let booked;
  for (const t of view.waiting) {
    if (t.state !== 'waiting' || t.lineAt > nowIso || !eligible(t, view)) continue;
    if (isBooked(t)) {
      if (!booked || byLine(t, booked) < 0) booked = t;
    } else if (!first || byLine(t, first) < 0) first = t;
  }
  return booked ?? first;
};
