import { CalendarPlan, type CalendarVisit, type UnitOwner } from '@skr/protocol/calendar';
import { unitKey, type EscrowLedger } from '../../domain/calendar';
import type { Db } from '../../store';

// The calendar's tables (migration "calendar"): the plan as one JSON row, the visits, and the
// escrow ledger's moved places. Reads only; writes go through the unit of work's projections.

interface VisitRow {
  code: string;
  person_key: string;
  service_id: string;
  start: string;
  day: string;
  side: CalendarVisit['side'];
  channel: CalendarVisit['channel'];
  status: CalendarVisit['status'];
  booked_at: string;
}

/**
 * How often each local day's calendar rows (visits, ledger) and the plan have been written, per
 * database: every write goes through a store below, whichever instance, so a reader that
 * remembers the versions it computed from knows when its copy is stale. In memory only: a
 * restarted server starts with empty caches.
 */
class CalendarVersions {
  plan = 0;
  private readonly days = new Map<string, number>();
  bump(day: string): void {
    this.days.set(day, (this.days.get(day) ?? 0) + 1);
  }
  of(day: string): string {
    return `${String(this.plan)}.${String(this.days.get(day) ?? 0)}`;
  }
}
const versionsOf = new WeakMap<Db, CalendarVersions>();
function versions(db: Db): CalendarVersions {
  let v = versionsOf.get(db);
  if (!v) versionsOf.set(db, (v = new CalendarVersions()));
  return v;
}

const toVisit = (r: VisitRow): CalendarVisit => ({
  code: r.code,
  personKey: r.person_key,
  serviceId: r.service_id,
  start: r.start,
  side: r.side,
  channel: r.channel,
  status: r.status,
  bookedAt: r.booked_at,
});

/** Reads and writes of the calendar tables, prepared once per database. */
export function calendarStore(db: Db) {
  const plan = db.prepare(`SELECT plan FROM calendar_plan WHERE id = 1`);
  const putPlan = db.prepare(
    `INSERT INTO calendar_plan (id, plan) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET plan = excluded.plan`,
  );
  const onDay = db.prepare(`SELECT * FROM calendar_visits WHERE day = ?`);
  const byCode = db.prepare(`SELECT * FROM calendar_visits WHERE code = ?`);
  // Every calendar visit is also a booking of the check-in cache (by code or ID card, and the
  // notifier's confirmations), whichever side booked it; a client already checked in stays so.
  const mirror = db.prepare(
    `INSERT INTO bookings (code, service_id, booked_for, status, ticket_id, updated_at, pesel_hash)
     VALUES (@code, @serviceId, @start, @status, NULL, @bookedAt, @peselHash)
     ON CONFLICT (code) DO UPDATE SET service_id = excluded.service_id,
       booked_for = excluded.booked_for, updated_at = excluded.updated_at,
       status = CASE WHEN bookings.status = 'checked-in' THEN bookings.status ELSE excluded.status END`,
  );
  const between = db.prepare(`SELECT * FROM calendar_visits WHERE day BETWEEN ? AND ?`);
  const after = db.prepare(`SELECT * FROM calendar_visits WHERE start > ? AND status = 'booked'`);
  const putVisit = db.prepare(
    `INSERT INTO calendar_visits (code, person_key, service_id, start, day, side, channel, status, booked_at)
     VALUES (@code, @personKey, @serviceId, @start, @day, @side, @channel, @status, @bookedAt)
     ON CONFLICT (code) DO UPDATE SET status = excluded.status, start = excluded.start,
       day = excluded.day, service_id = excluded.service_id`,
  );
  const putLedger = db.prepare(
    `INSERT INTO calendar_ledger (unit_key, day, owner) VALUES (?, ?, ?)
     ON CONFLICT (unit_key) DO UPDATE SET owner = excluded.owner`,
  );
  const ledgerRows = db.prepare(
    `SELECT unit_key, owner FROM calendar_ledger WHERE day BETWEEN ? AND ?`,
  );
  // The person key is replaced, not nulled (the column is NOT NULL and the rules compare keys):
  // `erased:<code>` is unique per visit, so an erased visit never counts as anyone's.
  const forgetVisits = db.prepare(
    `UPDATE calendar_visits SET person_key = 'erased:' || code
     WHERE start < ? AND person_key NOT LIKE 'erased:%'`,
  );
  const forgetCache = db.prepare(
    `UPDATE bookings SET pesel_hash = NULL WHERE pesel_hash IS NOT NULL AND booked_for < ?`,
  );
  const changed = versions(db);
  // The plan is one JSON row read by every availability call; parsing it again only when its
  // text changed keeps the same object, which the slot builder's per-plan memory relies on.
  let parsed: { text: string; plan: CalendarPlan } | undefined;
  const toLedger = (rows: { unit_key: string; owner: UnitOwner }[]): EscrowLedger =>
    Object.fromEntries(rows.map((r) => [r.unit_key, r.owner]));
  return {
    /** The saved plan, or null before the manager saved one. */
    plan(): CalendarPlan | null {
      const row = plan.get() as { plan: string } | undefined;
      if (!row) return null;
      if (parsed?.text !== row.plan)
        parsed = { text: row.plan, plan: CalendarPlan.parse(JSON.parse(row.plan)) };
      return parsed.plan;
    },
    /** Every visit (any status) on a local day. */
    visitsOn(day: string): CalendarVisit[] {
      return (onDay.all(day) as VisitRow[]).map(toVisit);
    },
    /** The visit with this code (any status), or undefined. */
    visit(code: string): CalendarVisit | undefined {
      const r = byCode.get(code) as VisitRow | undefined;
      return r && toVisit(r);
    },
    /** Every visit on the local days `from`..`to`. */
    visitsBetween(from: string, to: string): CalendarVisit[] {
      return (between.all(from, to) as VisitRow[]).map(toVisit);
    },
    /** Booked visits starting after `at` (ISO). */
    bookedAfter(at: string): CalendarVisit[] {
      return (after.all(at) as VisitRow[]).map(toVisit);
    },
    /** The escrow ledger for the local days `from`..`to`. */
    ledger(from: string, to: string): EscrowLedger {
      return toLedger(ledgerRows.all(from, to) as { unit_key: string; owner: UnitOwner }[]);
    },
    /**
     * Writes a visit (new, its new status, or a portal visit's new time); `day` is its local day
     * in the branch zone. `mirror: false` when the caller writes the check-in cache itself.
     */
    saveVisit(visit: CalendarVisit, day: string, mirrored = true): void {
      // A moved visit leaves its old day too.
      const before = byCode.get(visit.code) as VisitRow | undefined;
      if (before) changed.bump(before.day);
      changed.bump(day);
      putVisit.run({ ...visit, day });
      if (!mirrored) return;
      // A portal visit without a PESEL has a made-up person key, an erased one none: no card
      // can match either.
      const made = visit.personKey.startsWith('portal:') || visit.personKey.startsWith('erased:');
      const peselHash = made ? null : visit.personKey;
      mirror.run({ ...visit, peselHash });
    },
    /** Records that the place of `counterId` in the slot at `start` is now `owner`'s. */
    saveLedger(start: string, counterId: string, owner: UnitOwner, day: string): void {
      changed.bump(day);
      putLedger.run(unitKey(start, counterId), day, owner);
    },
    /**
     * A token that changes whenever the plan or the local day's visits or ledger are written
     * (also by a transaction that later rolls back: a spurious change costs one recomputation).
     */
    version(day: string): string {
      return changed.of(day);
    },
    /** True inside an open transaction: what is read then may still roll back. */
    inTransaction: (): boolean => db.inTransaction,
    /**
     * Erases the person of every visit that started before `before` (ISO): the visit's PESEL
     * hash and its check-in cache row's. Service, time, side, channel and status stay for the
     * statistics. No version bump: availability does not depend on who booked.
     */
    forgetPersons(before: string): void {
      forgetVisits.run(before);
      forgetCache.run(before);
    },
    /** Replaces the plan. */
    savePlan(p: CalendarPlan): void {
      changed.plan += 1;
      putPlan.run(JSON.stringify(p));
    },
  };
}
/** The calendar tables. */
export type CalendarStore = ReturnType<typeof calendarStore>;
