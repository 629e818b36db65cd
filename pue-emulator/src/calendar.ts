// The calendars branches publish (issue 14). A branch that publishes one gets escrow: the portal
// books its visits only into the places the branch gave it, judged by the same matching as the
// branch (a counter takes one visit of any service it serves), and refuses with 409 and a reason
// when they are full. Branches that publish nothing keep the old free quarter-hour booking.
import {
  BookingRules,
  bookingRefusalMessage,
  fitsAll,
  spareFor,
  type BookingRefusal,
  type PortalCalendar,
  type PortalCalendarReceipt,
  type PortalPlace,
  type SlotAvailability,
  type SlotsQuery,
} from '@skr/protocol/calendar';
import { SkrError } from '@skr/protocol';
import { localDay } from '@skr/protocol/time-zone';
import { giveBack } from './calendar-give';
import type { PueContext } from './context';
import type { Db } from './db';
import { PORTAL_TIME_ZONE } from './portal-zone';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS portal_calendars (
  branch_id TEXT PRIMARY KEY, version INTEGER NOT NULL, rules TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS portal_places (
  branch_id TEXT NOT NULL, start TEXT NOT NULL, day TEXT NOT NULL, time TEXT NOT NULL,
  counter_id TEXT NOT NULL, service_ids TEXT NOT NULL, PRIMARY KEY (branch_id, start, counter_id));
CREATE INDEX IF NOT EXISTS portal_places_day ON portal_places (branch_id, day);
CREATE TABLE IF NOT EXISTS portal_wants (
  branch_id TEXT NOT NULL, start TEXT NOT NULL, service_id TEXT NOT NULL, count INTEGER NOT NULL,
  PRIMARY KEY (branch_id, start, service_id));
CREATE INDEX IF NOT EXISTS bookings_branch_start ON bookings (branch_id, starts_at)
  WHERE status = 'booked';
`;
const ready = new WeakSet<Db>();

/** The calendar tables exist (created on first use, also for databases made before them). */
function tables(db: Db): Db {
  if (!ready.has(db)) {
    db.exec(SCHEMA);
    ready.add(db);
  }
  return db;
}

/** A 409 whose details.reason a client turns into words; the message is the Polish one. */
function refusal(reason: BookingRefusal, details: Record<string, unknown> = {}): SkrError {
  return new SkrError('CONFLICT', bookingRefusalMessage(reason, 'pl', details), {
    details: { reason, ...details },
  });
}

/** The booking rules of a branch that publishes a calendar, or undefined. */
export function calendarRules(ctx: PueContext, branchId: string): BookingRules | undefined {
  const row = tables(ctx.db)
    .prepare('SELECT rules FROM portal_calendars WHERE branch_id = ?')
    .get(branchId) as { rules: string } | undefined;
  return row ? BookingRules.parse(JSON.parse(row.rules)) : undefined;
}

/**
 * Applies a publication (newer versions only), gives back the places the branch wants and the
 * unused ones within the lead time (removed from the portal's share before answering), and
 * hands back the places the portal's clients wanted.
 */
export function publishCalendar(
  ctx: PueContext,
  branchId: string,
  cal: PortalCalendar,
): PortalCalendarReceipt {
  const db = tables(ctx.db);
  return db.transaction(() => {
    const known = db
      .prepare('SELECT version FROM portal_calendars WHERE branch_id = ?')
      .get(branchId) as { version: number } | undefined;
    const applied = !known || cal.version > known.version;
    if (applied) {
      db.prepare('DELETE FROM portal_places WHERE branch_id = ? AND day BETWEEN ? AND ?').run(
        branchId,
        cal.from,
        cal.to,
      );
      const put = db.prepare(
        `INSERT INTO portal_places (branch_id, start, day, time, counter_id, service_ids)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const s of cal.slots)
        for (const p of s.places)
          put.run(branchId, s.start, s.day, s.time, p.counterId, JSON.stringify(p.serviceIds));
      db.prepare(
        `INSERT INTO portal_calendars (branch_id, version, rules) VALUES (?, ?, ?)
         ON CONFLICT (branch_id) DO UPDATE SET version = excluded.version, rules = excluded.rules`,
      ).run(branchId, cal.version, JSON.stringify(cal.rules));
    }
    const wanted = db
      .prepare('SELECT start, service_id AS serviceId, count FROM portal_wants WHERE branch_id = ?')
      .all(branchId) as PortalCalendarReceipt['wanted'];
    db.prepare('DELETE FROM portal_wants WHERE branch_id = ?').run(branchId);
    // Only in answer to the publication just applied: the branch reads this receipt alone.
    const given = applied
      ? giveBack(db, branchId, cal.wanted ?? [], cal.rules.minLeadMinutes, ctx.now())
      : [];
    return { version: Math.max(cal.version, known?.version ?? 0), applied, wanted, given };
  })();
}

/** The portal's places in the slot starting at `start`. */
function placesAt(db: Db, branchId: string, start: string): PortalPlace[] {
  const rows = db
    .prepare('SELECT counter_id, service_ids FROM portal_places WHERE branch_id = ? AND start = ?')
    .all(branchId, start) as { counter_id: string; service_ids: string }[];
  return rows.map((r) => ({ counterId: r.counter_id, serviceIds: JSON.parse(r.service_ids) }));
}

const dayEdge = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString();

const asPlaces = (ps: PortalPlace[]) =>
  ps.map((p) => ({ key: p.counterId, serviceIds: p.serviceIds }));

/** A visit the portal is about to book (or move; `replaces` is the booking moved). */
export interface CalendarCheck {
  branchId: string;
  serviceId: string;
  startsAt: string;
  pesel: string | null;
  replaces?: string;
}

/**
 * Checks a booking against the published calendar, inside the booking's transaction: the slot
 * must give the portal a place for the service, start at least minLeadMinutes ahead, the person
 * keep to the daily limit and the gap (as far as the portal knows), and the portal's visits of
 * the slot must still match its places.
 */
export function checkCalendar(ctx: PueContext, c: CalendarCheck, rules: BookingRules): void {
  const db = tables(ctx.db);
  const startMs = Date.parse(c.startsAt);
  const lead = (startMs - ctx.now().getTime()) / 60_000;
  // The lead time first: the portal hands its places within it back to the branch, so checking
  // the places first would call every too-late booking "closed" and hide the rule from the client.
  if (lead < rules.minLeadMinutes)
    throw refusal('too-late', { minLeadMinutes: rules.minLeadMinutes });
  const places = placesAt(db, c.branchId, c.startsAt);
  if (!places.some((p) => p.serviceIds.includes(c.serviceId))) throw refusal('closed');
  if (lead > rules.horizonDays * 24 * 60) throw refusal('closed');
  if (c.pesel !== null) {
    const day = localDay(c.startsAt, PORTAL_TIME_ZONE);
    const mine = (
      db
        .prepare(
          `SELECT starts_at FROM bookings WHERE branch_id = ? AND pesel = ? AND date = ?
             AND status = 'booked' AND id != ?`,
        )
        .all(c.branchId, c.pesel, day, c.replaces ?? '') as { starts_at: string }[]
    ).map((r) => Date.parse(r.starts_at));
    if (mine.length >= rules.maxVisitsPerDay)
      throw refusal('daily-limit', { maxVisitsPerDay: rules.maxVisitsPerDay });
    const span = (rules.visitMinutes + rules.minGapMinutes) * 60_000;
    if (mine.some((t) => Math.abs(t - startMs) < span))
      throw refusal('gap', { minGapMinutes: rules.minGapMinutes });
  }
  const demands = (
    db
      .prepare(
        `SELECT id, service_id FROM bookings WHERE branch_id = ? AND starts_at = ?
           AND status = 'booked' AND id != ? ORDER BY seq`,
      )
      .all(c.branchId, c.startsAt, c.replaces ?? '') as { id: string; service_id: string }[]
  ).map((r) => ({ id: r.id, serviceId: r.service_id }));
  if (!fitsAll(asPlaces(places), [...demands, { id: '\u0000new', serviceId: c.serviceId }]))
    throw refusal('full', { start: c.startsAt, serviceId: c.serviceId });
}

/**
 * Runs a booking transaction; a `full` refusal is remembered (after its transaction rolled
 * back) as a want the branch reads with its next publication's receipt.
 */
export function rememberingWants<T>(ctx: PueContext, branchId: string, book: () => T): T {
  try {
    return book();
  } catch (e) {
    const d = (e instanceof SkrError ? e.details : undefined) as
      { reason?: string; start?: string; serviceId?: string } | undefined;
    if (d?.reason === 'full' && d.start && d.serviceId)
      tables(ctx.db)
        .prepare(
          `INSERT INTO portal_wants (branch_id, start, service_id, count) VALUES (?, ?, ?, 1)
           ON CONFLICT DO UPDATE SET count = count + 1`,
        )
        .run(branchId, d.start, d.serviceId);
    throw e;
  }
}

// Statements prepared once per database: availability is asked for far more often than booked.
const statements = new WeakMap<Db, ReturnType<typeof prepareSlots>>();

function prepareSlots(db: Db) {
  return {
    // One row per slot: SQLite groups the places, so a month is ~350 rows, not ~2,500.
    slots: db.prepare(
      `SELECT start, day, time, json_group_array(json(service_ids)) AS services FROM portal_places
       WHERE branch_id = ? AND day BETWEEN ? AND ? GROUP BY start ORDER BY start`,
    ),
    booked: db.prepare(
      `SELECT id, service_id, starts_at FROM bookings WHERE branch_id = ? AND status = 'booked'
         AND starts_at BETWEEN ? AND ? ORDER BY seq`,
    ),
  };
}

/** Free slots of one service in the portal's share at a branch; NOT_FOUND without a calendar. */
export function portalSlots(ctx: PueContext, branchId: string, q: SlotsQuery): SlotAvailability[] {
  const rules = calendarRules(ctx, branchId);
  if (!rules) throw new SkrError('NOT_FOUND', 'This branch publishes no calendar');
  const db = ctx.db;
  let st = statements.get(db);
  if (!st) statements.set(db, (st = prepareSlots(db)));
  const earliest = ctx.now().getTime() + rules.minLeadMinutes * 60_000;
  const rows = st.slots.all(branchId, q.from, q.to) as {
    start: string;
    day: string;
    time: string;
    services: string;
  }[];
  // A day wider on both sides: the branch's local days are not UTC days.
  const booked = st.booked.all(branchId, dayEdge(q.from, -1), dayEdge(q.to, 2)) as {
    id: string;
    service_id: string;
    starts_at: string;
  }[];
  const demandsAt = new Map<string, { id: string; serviceId: string }[]>();
  for (const b of booked) {
    const d = { id: b.id, serviceId: b.service_id };
    const list = demandsAt.get(b.starts_at);
    if (list) list.push(d);
    else demandsAt.set(b.starts_at, [d]);
  }
  // Most slots of a plan have the same counters: parse each distinct set of places once.
  const parsed = new Map<string, { key: string; serviceIds: string[] }[]>();
  const out: SlotAvailability[] = [];
  for (const r of rows) {
    if (Date.parse(r.start) < earliest) continue;
    let places = parsed.get(r.services);
    if (!places) {
      places = (JSON.parse(r.services) as string[][]).map((serviceIds, i) => ({
        key: String(i),
        serviceIds,
      }));
      parsed.set(r.services, places);
    }
    let capacity = 0;
    for (const p of places) if (p.serviceIds.includes(q.serviceId)) capacity += 1;
    if (capacity === 0) continue;
    const free = spareFor(places, demandsAt.get(r.start) ?? [], q.serviceId);
    out.push({ start: r.start, day: r.day, time: r.time, serviceId: q.serviceId, capacity, free });
  }
  return out;
}
