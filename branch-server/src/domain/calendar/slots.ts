import type { CalendarPlan, Slot, SlotUnit, UnitOwner } from '@skr/protocol/calendar';
import { localClock, wallClockToInstant, zoneOffsetMinutes } from '@skr/protocol/time-zone';
import { planHolidayOn } from './public-holidays';

// Slots come from the plan alone, in the branch's zone: the wall-clock times of each weekly
// block stepped by the visit length, turned into instants for that day. On the spring DST day a
// time the clocks skip does not exist and yields no slot; on the autumn day the repeated hour
// gives one slot per wall time (the later instant, as wallClockToInstant defines it).

/** Which side holds a place when the escrow ledger has moved it (key: `${start}|${counterId}`). */
export type EscrowLedger = Readonly<Record<string, UnitOwner>>;

/** The ledger key of a counter's place in the slot starting at `start` (ISO). */
export function unitKey(start: string, counterId: string): string {
  return `${start}|${counterId}`;
}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const toHhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The days from `from` to `to` inclusive ("YYYY-MM-DD"), with their ISO weekday; no zone needed. */
export function daysBetween(from: string, to: string): { day: string; weekday: number }[] {
  const out: { day: string; weekday: number }[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const d = new Date(t);
    out.push({ day: d.toISOString().slice(0, 10), weekday: ((d.getUTCDay() + 6) % 7) + 1 });
  }
  return out;
}

// Offsets never change for a past (zone, day), so remembering them is safe; the bound keeps a
// long-running server from growing the map without end.
const steady = new Map<string, number | null>();

/** The zone's offset on `day` when it is the same all day, null on a day the clocks change. */
function steadyOffset(day: string, zone: string, utcMidnight: number): number | null {
  const key = `${zone}|${day}`;
  const known = steady.get(key);
  if (known !== undefined) return known;
  const before = zoneOffsetMinutes(utcMidnight - 14 * 3_600_000, zone);
  const after = zoneOffsetMinutes(utcMidnight + 36 * 3_600_000, zone);
  const offset = before === after ? before : null;
  if (steady.size > 20_000) steady.clear();
  steady.set(key, offset);
  return offset;
}

/**
 * A function from a wall-clock minute of `day` to its instant in `zone`, or null for a minute the
 * clocks skip. Converting each time through the zone costs ~0.2 ms, too slow for 30 days of
 * availability, so a day without a clock change (the zone's offset is the same from 14 h before
 * its UTC midnight to 36 h after, which spans the local day in any zone) uses one offset; only
 * the two DST days a year go through the zone for each time.
 */
function wallMinuteToInstant(day: string, zone: string): (minute: number) => Date | null {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const offset = steadyOffset(day, zone, utcMidnight);
  if (offset !== null) return (m) => new Date(utcMidnight + (m - offset) * 60_000);
  return (m) => {
    const time = toHhmm(m);
    const at = wallClockToInstant(day, time, zone);
    // A wall time the spring change skips comes back as a later time: no such slot that day.
    return localClock(at, zone).time === time ? at : null;
  };
}

/**
 * Splits a slot's counters into walk-in, portal and branch places by the plan's shares. The
 * order rotates with the slot's index in the day so that no counter is always the walk-in one.
 */
export function defaultOwners(
  counterIds: readonly string[],
  slotIndex: number,
  plan: Pick<CalendarPlan, 'walkInSharePercent' | 'portalSharePercent'>,
): UnitOwner[] {
  const n = counterIds.length;
  const walkIn = Math.round((n * plan.walkInSharePercent) / 100);
  const portal = Math.round(((n - walkIn) * plan.portalSharePercent) / 100);
  const byRank: UnitOwner[] = counterIds.map((_, rank) =>
    rank < walkIn ? 'walk-in' : rank < walkIn + portal ? 'portal' : 'branch',
  );
  return counterIds.map((_, i) => byRank[(i + slotIndex) % n] ?? 'branch');
}

/** One wall-clock time of a weekday's plan: its counters (sorted), their services and holders. */
interface TemplateSlot {
  readonly minute: number;
  readonly time: string;
  readonly counterIds: readonly string[];
  readonly serviceIds: readonly (readonly string[])[];
  readonly owners: readonly UnitOwner[];
}

// A weekday's slots depend only on the plan and the counters closed that day, so they are
// worked out once per plan object and reused for every such day (a month asks for ~22 of the
// same five). A WeakMap: a replaced plan takes its templates with it.
const templates = new WeakMap<CalendarPlan, Map<string, readonly TemplateSlot[]>>();

function dayTemplate(
  plan: CalendarPlan,
  weekday: number,
  closed: ReadonlySet<string>,
): readonly TemplateSlot[] {
  const key = `${String(weekday)}|${[...closed].sort().join(',')}`;
  let byKey = templates.get(plan);
  if (!byKey) templates.set(plan, (byKey = new Map()));
  const known = byKey.get(key);
  if (known) return known;
  const step = plan.rules.visitMinutes;
  const blocks = plan.blocks.filter((b) => b.weekday === weekday && !closed.has(b.counterId));
  const times = new Map<number, Map<string, Set<string>>>(); // minute → counter → services
  for (const b of blocks) {
    for (let m = toMinutes(b.from); m + step <= toMinutes(b.to); m += step) {
      const counters = times.get(m) ?? new Map<string, Set<string>>();
      const services = counters.get(b.counterId) ?? new Set<string>();
      for (const s of b.serviceIds) services.add(s);
      counters.set(b.counterId, services);
      times.set(m, counters);
    }
  }
  const made = [...times.keys()]
    .sort((a, b) => a - b)
    .map((minute, slotIndex): TemplateSlot => {
      const counters = times.get(minute) ?? new Map<string, Set<string>>();
      const counterIds = [...counters.keys()].sort();
      return {
        minute,
        time: toHhmm(minute),
        counterIds,
        serviceIds: counterIds.map((id) => [...(counters.get(id) ?? [])].sort()),
        owners: defaultOwners(counterIds, slotIndex, plan),
      };
    });
  byKey.set(key, made);
  return made;
}

/** The bookable slots of the plan for the days `from`..`to` in `zone`, with their places. */
export function buildSlots(
  plan: CalendarPlan,
  from: string,
  to: string,
  zone: string,
  ledger: EscrowLedger = {},
): Slot[] {
  const step = plan.rules.visitMinutes;
  const slots: Slot[] = [];
  // Most days have no moved place: skip building a ledger key for each of their units.
  const moved = Object.keys(ledger).length > 0;
  for (const { day, weekday } of daysBetween(from, to)) {
    // Closed: a day off the manager planned, or a statutory holiday (no exception can reopen
    // one: a ZUS branch does not work on them; only a plan with publicHolidays 'none' does).
    if (plan.exceptions.some((e) => e.kind === 'holiday' && e.day === day)) continue;
    if (planHolidayOn(plan, day)) continue;
    const closed = new Set(
      plan.exceptions.flatMap((e) =>
        e.kind === 'counter-closed' && e.day === day ? [e.counterId] : [],
      ),
    );
    const instantOf = wallMinuteToInstant(day, zone);
    for (const t of dayTemplate(plan, weekday, closed)) {
      const startAt = instantOf(t.minute);
      if (!startAt) continue;
      const start = startAt.toISOString();
      const units: SlotUnit[] = t.counterIds.map((counterId, i) => ({
        counterId,
        // Shared between the days of a template: slots are read, never changed in place.
        serviceIds: t.serviceIds[i] as string[],
        owner: (moved ? ledger[unitKey(start, counterId)] : undefined) ?? t.owners[i] ?? 'branch',
      }));
      const end = new Date(startAt.getTime() + step * 60_000).toISOString();
      slots.push({ start, end, day, time: t.time, units });
    }
  }
  return slots;
}
