import type { Db } from './database';
import { upsertSql } from './upsert-sql';

import type { CachedBooking, PortalBookingRow } from '../domain/booking-feed';
import type { Booking } from '../domain/records';
export type { Booking };

/** The columns of a {@link Booking}, named as its fields (SQLite hands rows over as they are). */
const BOOKING = `code, service_id AS serviceId, booked_for AS bookedFor, status, ticket_id AS ticketId,
  updated_at AS updatedAt`;

const BOOKING_COLUMNS = ['code', 'service_id', 'booked_for', 'status', 'ticket_id', 'updated_at'];

/** Cached bookings; check-in works from here when the portal is unreachable. */
export function bookingRepo(db: Db) {
  const get = db.prepare(`SELECT ${BOOKING} FROM bookings WHERE code = ?`);
  const upsert = db.prepare(upsertSql('bookings', 'code', BOOKING_COLUMNS));
  const due = db.prepare(
    `SELECT service_id, COUNT(*) AS n FROM bookings WHERE status = 'booked' AND booked_for BETWEEN ? AND ?
     GROUP BY service_id`,
  );
  const open = db.prepare(
    `SELECT service_id AS serviceId, booked_for AS bookedFor FROM bookings
     WHERE status = 'booked' AND booked_for BETWEEN ? AND ? ORDER BY booked_for`,
  );
  const cachedOne = db.prepare(
    `SELECT code, service_id AS serviceId, booked_for AS bookedFor, status, ticket_id AS ticketId,
       portal_version AS portalVersion FROM bookings WHERE code = ?`,
  );
  const upsertPortal = db.prepare(
    upsertSql('bookings', 'code', [
      ...BOOKING_COLUMNS,
      'portal_id',
      'portal_version',
      'portal_status',
      'pesel_hash',
    ]),
  );
  // Visits of past days that nobody checked in for are of no use at the counter any more.
  const pruneOld = db.prepare(
    `DELETE FROM bookings WHERE status != 'checked-in' AND booked_for < ?`,
  );
  // Checked-in visits stay (visit outcomes refer to them); the client's hash does not.
  const forgetHashes = db.prepare(
    `UPDATE bookings SET pesel_hash = NULL WHERE pesel_hash IS NOT NULL AND booked_for < ?`,
  );
  const byPesel = db.prepare(
    `SELECT ${BOOKING} FROM bookings WHERE pesel_hash = @hash AND status IN ('booked', 'checked-in')
       AND booked_for BETWEEN @from AND @to
     ORDER BY abs(julianday(booked_for) - julianday(@at)), booked_for`,
  );
  return {
    get(code: string): Booking | undefined {
      return get.get(code) as Booking | undefined;
    },
    /**
     * Bookings of a card holder (by the branch's keyed PESEL hash) that can be checked in or
     * were already: booked time in [from, to] (ISO), nearest to `at` first.
     */
    byPeselHash(hash: string, from: string, to: string, at: string): Booking[] {
      return byPesel.all({ hash, from, to, at }) as Booking[];
    },
    save(b: Booking): void {
      upsert.run(b);
    },
    /** The cached rows among `codes` with the portal's version of each (the feed merges them). */
    cachedForFeed(codes: Iterable<string>): Map<string, CachedBooking> {
      const out = new Map<string, CachedBooking>();
      for (const code of new Set(codes)) {
        const r = cachedOne.get(code) as CachedBooking | undefined;
        if (r) out.set(code, r);
      }
      return out;
    },
    /** Writes a booking as the portal's feed has it (version, status, the client's hash). */
    savePortal(b: PortalBookingRow): void {
      upsertPortal.run(b);
    },
    /** Drops visits before `before` (ISO) not checked in; those kept forget their PESEL hash. */
    prune(before: string): void {
      pruneOld.run(before);
      forgetHashes.run(before);
    },
    /** Codes of bookings not checked in (nor cancelled) with a booked time in [from, to). */
    openCodes(from: string, to: string): string[] {
      return (
        db
          .prepare(
            `SELECT code FROM bookings WHERE status = 'booked' AND booked_for >= ? AND booked_for < ?
             ORDER BY booked_for, code`,
          )
          .all(from, to) as { code: string }[]
      ).map((r) => r.code);
    },
    /** Bookings not yet checked in with a booked time in [from, to], by time (the estimate's). */
    openBetween(from: string, to: string): { serviceId: string; bookedFor: string }[] {
      return open.all(from, to) as { serviceId: string; bookedFor: string }[];
    },
    /** Bookings not yet checked in, per service, with a booked time in [from, to]. */
    dueBetween(from: string, to: string): Map<string, number> {
      return new Map(
        (due.all(from, to) as { service_id: string; n: number }[]).map((r) => [r.service_id, r.n]),
      );
    },
  };
}
export type BookingRepo = ReturnType<typeof bookingRepo>;
