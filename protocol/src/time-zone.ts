import { TZDateMini, tzOffset } from '@date-fns/tz';
import { z } from 'zod';

// The one place that turns instants into a branch's wall clock and back. Every function takes
// the zone as an argument and none has a default: the zone is a branch setting
// (QueueSettings.timeZone), and a silent default is how a printer ended up hard-wired to Warsaw.
// @date-fns/tz carries the DST rules (through the runtime's ICU) so no offsets are computed here.

/** True when the runtime knows `zone` as an IANA time-zone name (e.g. "Europe/Warsaw"). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time-zone name the runtime knows. */
export const TimeZone = z.string().refine(isTimeZone, 'unknown time zone');
/** An IANA time-zone name. */
export type TimeZone = z.infer<typeof TimeZone>;

/** Calendar fields of an instant on the zone's wall clock. */
function wall(at: Date | string | number, zone: string): Date {
  const ms = typeof at === 'number' ? at : new Date(at).getTime();
  const local = new TZDateMini(ms, zone);
  // An unknown zone would otherwise surface as "NaN-NaN-NaN" on paper or in a day key.
  if (Number.isNaN(local.getTime())) throw new RangeError(`bad instant or time zone: ${zone}`);
  return local;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The last local day computed and the instants it spans: nearly every call asks for today. */
let dayMemo: { zone: string; from: number; to: number; day: string } | undefined;

/** Local calendar day "YYYY-MM-DD" of an instant (ticket numbering resets at its midnight). */
export function localDay(at: Date | string | number, zone: string): string {
  const ms = typeof at === 'number' ? at : new Date(at).getTime();
  const m = dayMemo;
  // Every issue and call asks for the day; converting through the zone each time was a
  // measurable share of an issue (bench core). An invalid instant (NaN) never hits the memo.
  if (m && m.zone === zone && ms >= m.from && ms < m.to) return m.day;
  const d = wall(ms, zone);
  const day = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const from = startOfLocalDay(day, zone).getTime();
  const to = startOfLocalDay(next.toISOString().slice(0, 10), zone).getTime();
  if (ms >= from && ms < to) dayMemo = { zone, from, to, day };
  return day;
}

/**
 * The last local clock computed, by UTC minute: every issue asks it (opening hours, the walk-in
 * cut-off), and the zone conversion was most of that. Zones differ from UTC by whole minutes,
 * so one UTC minute is one local minute.
 */
let clockMemo: { zone: string; minute: number; day: number; time: string } | undefined;

/** Local ISO weekday (1 = Monday … 7 = Sunday) and "HH:MM" of an instant. */
export function localClock(
  at: Date | string | number,
  zone: string,
): { day: number; time: string } {
  const ms = typeof at === 'number' ? at : new Date(at).getTime();
  const minute = Math.floor(ms / 60_000);
  const m = clockMemo;
  // An invalid instant (NaN) never equals the memo's minute, so it still throws below.
  if (m && m.zone === zone && m.minute === minute) return { day: m.day, time: m.time };
  const d = wall(ms, zone);
  const day = ((d.getDay() + 6) % 7) + 1;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  clockMemo = { zone, minute, day, time };
  return { day, time };
}

/** Minutes the zone is ahead of UTC at the instant (Warsaw: 60 in winter, 120 in summer). */
export function zoneOffsetMinutes(at: Date | string | number, zone: string): number {
  const offset = tzOffset(zone, new Date(at));
  if (Number.isNaN(offset)) throw new RangeError(`bad instant or time zone: ${zone}`);
  return offset;
}

/** Splits "YYYY-MM-DD" and "HH:MM"; a programmer error (RangeError) when malformed. */
function fields(day: string, time: string): number[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) throw new RangeError(`expected YYYY-MM-DD and HH:MM, got ${day} ${time}`);
  return [...m.slice(1), ...t.slice(1)].map(Number);
}

/**
 * The instant of a wall-clock date and time in the zone. A time skipped by the spring change
 * (02:30 on 2026-03-29 in Warsaw) moves forward by the gap (03:30 CEST); a time that occurs
 * twice in autumn (02:30 on 2026-10-25) is the later one, after the clocks went back (CET).
 */
export function wallClockToInstant(day: string, time: string, zone: string): Date {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = fields(day, time);
  const local = new TZDateMini(y, mo - 1, d, h, mi, zone);
  if (Number.isNaN(local.getTime())) throw new RangeError(`bad time zone: ${zone}`);
  return new Date(local.getTime());
}

/** The instant a local day starts (its midnight; 23 or 25 hours before the next on DST days). */
export function startOfLocalDay(day: string, zone: string): Date {
  return wallClockToInstant(day, '00:00', zone);
}

/**
 * The local hour (0–23) of a UTC hour on a local day, using the offset at the day's noon.
 * Statistics bucket by UTC hour in SQL and relabel with this; exact for whole-hour zones on
 * all but the hour of a DST change.
 */
export function localHour(day: string, utcHour: number, zone: string): number {
  const offset = zoneOffsetMinutes(`${day}T12:00:00Z`, zone);
  return (((utcHour + Math.floor(offset / 60)) % 24) + 24) % 24;
}

/** True when "YYYY-MM-DD" names a real calendar day (rejects 2025-02-30); no zone involved. */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** Date and time for paper and screen in Polish style, "30.11.2026 08:15", on the zone's clock. */
export function formatLocalDateTime(at: Date | string | number, zone: string): string {
  const d = wall(at, zone);
  const date = `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${pad(d.getFullYear(), 4)}`;
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
