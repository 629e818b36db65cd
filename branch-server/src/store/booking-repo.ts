import type { Db } from './database';

import type { Booking } from '../domain/records';
export type { Booking };

/** Cached bookings; check-in works from here when the portal is unreachable. */
export function bookingRepo(db: Db) {
  const get = db.prepare(`SELECT * FROM bookings WHERE code = ?`);
  const upsert = db.prepare(
    `INSERT INTO bookings (code, service_id, booked_for, status, ticket_id, updated_at)
     VALUES (@code, @serviceId, @bookedFor, @status, @ticketId, @updatedAt)
     ON CONFLICT (code) DO UPDATE SET service_id=excluded.service_id, booked_for=excluded.booked_for,
       status=excluded.status, ticket_id=excluded.ticket_id, updated_at=excluded.updated_at`,
  );
  const due = db.prepare(
    `SELECT service_id, COUNT(*) AS n FROM bookings WHERE status = 'booked' AND booked_for BETWEEN ? AND ?
     GROUP BY service_id`,
  );
  const byPesel = db.prepare(
    `SELECT * FROM bookings WHERE pesel_hash = @hash AND status IN ('booked', 'checked-in')
       AND booked_for BETWEEN @from AND @to
     ORDER BY abs(julianday(booked_for) - julianday(@at)), booked_for`,
  );
  return {
    get(code: string): Booking | undefined {
      const r = get.get(code) as BookingRow | undefined;
      return r && fromRow(r);
    },
    /**
     * Bookings of a card holder (by the branch's keyed PESEL hash) that can be checked in or
     * were already: booked time in [from, to] (ISO), nearest to `at` first.
     */
    byPeselHash(hash: string, from: string, to: string, at: string): Booking[] {
      return (byPesel.all({ hash, from, to, at }) as BookingRow[]).map(fromRow);
    },
    save(b: Booking): void {
      upsert.run(b);
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
    /** Bookings not yet checked in, per service, with a booked time in [from, to]. */
    dueBetween(from: string, to: string): Map<string, number> {
      return new Map(
        (due.all(from, to) as { service_id: string; n: number }[]).map((r) => [r.service_id, r.n]),
      );
    },
  };
}
export type BookingRepo = ReturnType<typeof bookingRepo>;

interface BookingRow {
  code: string;
  service_id: string;
  booked_for: string;
  status: Booking['status'];
  ticket_id: string | null;
  updated_at: string;
}

function fromRow(r: BookingRow): Booking {
  return {
    code: r.code,
    serviceId: r.service_id,
    bookedFor: r.booked_for,
    status: r.status,
    ticketId: r.ticket_id,
    updatedAt: r.updated_at,
  };
}
