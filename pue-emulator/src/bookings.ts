// Visits booked online for a branch. Every change (create, cancel, rebook) takes the next value
// of one global change sequence, so a branch that remembers the last sequence it saw (its
// cursor) gets exactly the bookings changed since, cancellations and rebookings included.
import type { PueBooking, PueBookingChanges, PueServiceId } from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import { nowIso, type PueContext } from './context';
import { newBookingCode, newId } from './secrets';
import { isCalendarDay, wallClockToInstant } from '@skr/protocol/time-zone';
import { PORTAL_TIME_ZONE } from './portal-zone';
import { calendarRules, checkCalendar, rememberingWants } from './calendar';

interface BookingRow {
  id: string;
  code: string;
  branch_id: string;
  service_id: PueServiceId;
  date: string;
  time: string;
  starts_at: string;
  status: 'booked' | 'cancelled';
  version: number;
  updated_at: string;
  seq: number;
  profile_id: string | null;
  pesel: string | null;
}

const toBooking = (r: BookingRow): PueBooking => ({
  id: r.id,
  code: r.code,
  branchId: r.branch_id,
  serviceId: r.service_id,
  date: r.date,
  time: r.time,
  startsAt: r.starts_at,
  status: r.status,
  version: r.version,
  updatedAt: r.updated_at,
  pesel: r.pesel,
});

/** Whether to apply the rules a client must follow (tests and demos may place any visit). */
export type BookingRules = 'client' | 'fixture';

function checkSlot(ctx: PueContext, date: string, time: string, rules: BookingRules): string {
  if (!isCalendarDay(date)) throw new SkrError('INVALID', `No such day: ${date}`);
  const startsAt = wallClockToInstant(date, time, PORTAL_TIME_ZONE);
  if (rules === 'client') {
    if (startsAt.getTime() <= ctx.now().getTime()) {
      throw new SkrError('INVALID', 'The visit must be in the future');
    }
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    const [hh = 0, mm = 0] = time.split(':').map(Number);
    // Branches serve booked visits Monday–Friday 08:00–18:00 in quarter-hour slots.
    if (weekday === 0 || weekday === 6 || hh < 8 || hh >= 18 || mm % 15 !== 0) {
      throw new SkrError('INVALID', 'Visits are booked Mon–Fri 08:00–17:45 in 15-minute slots');
    }
  }
  return startsAt.toISOString();
}

function nextSeq(ctx: PueContext): number {
  const row = ctx.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM bookings').get() as {
    seq: number;
  };
  return row.seq;
}

function getRow(ctx: PueContext, id: string): BookingRow {
  const row = ctx.db.prepare('SELECT * FROM bookings WHERE id = ?').get(id) as
    BookingRow | undefined;
  if (!row) throw new SkrError('NOT_FOUND', 'No such booking');
  return row;
}

/** Input of createBooking. */
interface NewBooking {
  branchId: string;
  serviceId: PueServiceId;
  date: string;
  time: string;
  profileId?: string | null;
  pesel?: string | null;
}

/** Books a visit; NOT_FOUND for an unknown branch, INVALID for a slot a client cannot take. */
export function createBooking(ctx: PueContext, b: NewBooking, rules: BookingRules): PueBooking {
  if (!(b.branchId in ctx.branchKeys)) throw new SkrError('NOT_FOUND', 'No such branch');
  // A branch with a calendar: its slots and the portal's share replace the quarter-hour rule.
  const calendar = calendarRules(ctx, b.branchId);
  const startsAt = checkSlot(ctx, b.date, b.time, calendar ? 'fixture' : rules);
  const book = ctx.db.transaction(() => {
    if (calendar) {
      const check = { branchId: b.branchId, serviceId: b.serviceId, startsAt };
      checkCalendar(ctx, { ...check, pesel: b.pesel ?? null }, calendar);
    }
    let code = newBookingCode();
    while (ctx.db.prepare('SELECT 1 FROM bookings WHERE code = ?').get(code))
      code = newBookingCode();
    const id = newId('bkg');
    ctx.db
      .prepare(
        `INSERT INTO bookings (id, code, branch_id, service_id, date, time, starts_at, status,
           version, updated_at, seq, profile_id, pesel)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'booked', 1, ?, ?, ?, ?)`,
      )
      .run(
        id,
        code,
        b.branchId,
        b.serviceId,
        b.date,
        b.time,
        startsAt,
        nowIso(ctx),
        nextSeq(ctx),
        b.profileId ?? null,
        b.pesel ?? null,
      );
    return toBooking(getRow(ctx, id));
  });
  return rememberingWants(ctx, b.branchId, book);
}

function ownedBookedRow(ctx: PueContext, id: string, profileId: string | null): BookingRow {
  const row = getRow(ctx, id);
  if (profileId !== null && row.profile_id !== profileId) {
    throw new SkrError('NOT_FOUND', 'No such booking');
  }
  if (row.status !== 'booked') throw new SkrError('CONFLICT', 'The booking is cancelled');
  return row;
}

/** Cancels a booked visit (profileId null: any owner, for tests); CONFLICT if already cancelled. */
export function cancelBooking(ctx: PueContext, id: string, profileId: string | null): PueBooking {
  return ctx.db.transaction(() => {
    ownedBookedRow(ctx, id, profileId);
    ctx.db
      .prepare(
        `UPDATE bookings SET status = 'cancelled', version = version + 1, updated_at = ?, seq = ?
         WHERE id = ?`,
      )
      .run(nowIso(ctx), nextSeq(ctx), id);
    return toBooking(getRow(ctx, id));
  })();
}

/** Moves a booked visit to another date and time; id and code stay, version goes up. */
export function rebookBooking(
  ctx: PueContext,
  id: string,
  slot: { date: string; time: string },
  profileId: string | null,
  rules: BookingRules,
): PueBooking {
  const before = getRow(ctx, id);
  const calendar = calendarRules(ctx, before.branch_id);
  const startsAt = checkSlot(ctx, slot.date, slot.time, calendar ? 'fixture' : rules);
  const move = ctx.db.transaction(() => {
    const row = ownedBookedRow(ctx, id, profileId);
    if (calendar) {
      const check = { branchId: row.branch_id, serviceId: row.service_id, startsAt };
      checkCalendar(ctx, { ...check, pesel: row.pesel, replaces: id }, calendar);
    }
    ctx.db
      .prepare(
        `UPDATE bookings SET date = ?, time = ?, starts_at = ?, version = version + 1,
           updated_at = ?, seq = ? WHERE id = ?`,
      )
      .run(slot.date, slot.time, startsAt, nowIso(ctx), nextSeq(ctx), id);
    return toBooking(getRow(ctx, id));
  });
  return rememberingWants(ctx, before.branch_id, move);
}

/** A client's own bookings, soonest first. */
export function listProfileBookings(ctx: PueContext, profileId: string): PueBooking[] {
  const rows = ctx.db
    .prepare('SELECT * FROM bookings WHERE profile_id = ? ORDER BY starts_at, id')
    .all(profileId) as BookingRow[];
  return rows.map(toBooking);
}

/** Bookings of `branchId` changed after cursor `since`, oldest change first, at most `limit`. */
export function bookingChangesSince(
  ctx: PueContext,
  branchId: string,
  since: string | undefined,
  limit: number,
): PueBookingChanges {
  const after = since === undefined ? 0 : Number(since);
  const rows = ctx.db
    .prepare('SELECT * FROM bookings WHERE branch_id = ? AND seq > ? ORDER BY seq LIMIT ?')
    .all(branchId, after, limit + 1) as BookingRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toBooking),
    cursor: String(last ? last.seq : after),
    hasMore: rows.length > limit,
  };
}

/** The booking of `branchId` with confirmation `code`, or NOT_FOUND. */
export function findBookingByCode(ctx: PueContext, branchId: string, code: string): PueBooking {
  const row = ctx.db
    .prepare('SELECT * FROM bookings WHERE branch_id = ? AND code = ?')
    .get(branchId, code.toUpperCase()) as BookingRow | undefined;
  if (!row) throw new SkrError('NOT_FOUND', 'No booking with this code at this branch');
  return toBooking(row);
}
