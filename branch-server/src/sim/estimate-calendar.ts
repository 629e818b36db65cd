import type { SimDay } from './scenario';

/** The day's calendar as the estimate reads it: booked visits not checked in yet. */
export interface SimCalendar {
  /** Visits due at or after `minute` (after opening) not checked in, by booked time. */
  expectedAt(minute: number): { serviceId: string; bookedFor: string }[];
  /** A client checked in: the calendar no longer expects them. */
  checkedIn(clientId: string): void;
}

/**
 * The calendar knows booked visits before they check in; the estimate counts them as the
 * branch's does (those who will never come included, as the calendar cannot tell). Minutes
 * only move forward, so visits already past are dropped for good.
 */
export function simCalendar(day: SimDay): SimCalendar {
  const iso = (m: number) => new Date(day.opening.getTime() + m * 60_000).toISOString();
  const pending = new Map(
    day.clients
      .filter((c) => c.bookedAt !== null)
      .sort((a, b) => a.bookedAt! - b.bookedAt!)
      .map((c) => [
        c.id,
        { minute: c.bookedAt!, serviceId: c.serviceId, bookedFor: iso(c.bookedAt!) },
      ]),
  );
  return {
    expectedAt(minute) {
      const out: { serviceId: string; bookedFor: string }[] = [];
      for (const [id, b] of pending) {
        if (b.minute < minute) pending.delete(id);
        else out.push(b);
      }
      return out;
    },
    checkedIn(clientId) {
      pending.delete(clientId);
    },
  };
}
