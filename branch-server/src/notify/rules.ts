import { localClock, localDay, wallClockToInstant } from '@skr/protocol/time-zone';

// The pure decisions of notifications: when a reminder goes, whether a line is "near", what
// quiet hours allow. They take the time as an argument and read nothing else.

/** When a client counts as "near" in one service's line. */
export interface NearRule {
  /** At most this many people ahead… */
  ahead: number;
  /** …or an estimate under this many minutes. */
  minutes: number;
}

/** A wall-clock window (HH:MM) in which no reminder is sent; may wrap past midnight. */
export interface QuietHours {
  from: string;
  to: string;
}

/** True when the local time of `at` lies in the quiet window. */
export function inQuietHours(at: Date, q: QuietHours, zone: string): boolean {
  const t = localClock(at, zone).time;
  return q.from <= q.to ? t >= q.from && t < q.to : t >= q.from || t < q.to;
}

/** The first instant at or after `at` outside quiet hours. */
export function afterQuietHours(at: Date, q: QuietHours, zone: string): Date {
  if (!inQuietHours(at, q, zone)) return at;
  const today = localDay(at, zone);
  const endToday = wallClockToInstant(today, q.to, zone);
  if (endToday > at) return endToday;
  const tomorrow = localDay(new Date(at.getTime() + 86_400_000), zone);
  return wallClockToInstant(tomorrow, q.to, zone);
}

/** The previous local day of "YYYY-MM-DD". */
function dayBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * When the reminder of a visit at `visit` is sent: the day before at `hour` (HH:MM), moved out
 * of quiet hours; if that has passed, now (out of quiet hours). Null when that would not be
 * at least an hour before the visit (the confirmation is reminder enough).
 */
export function reminderAt(
  visit: Date,
  now: Date,
  hour: string,
  q: QuietHours,
  zone: string,
): Date | null {
  const planned = wallClockToInstant(dayBefore(localDay(visit, zone)), hour, zone);
  const at = afterQuietHours(planned > now ? planned : now, q, zone);
  return at.getTime() <= visit.getTime() - 3_600_000 ? at : null;
}

/** True when a waiting client should hear that their turn is near. */
export function isNear(ahead: number, estimateMinutes: number, rule: NearRule): boolean {
  return ahead <= rule.ahead || estimateMinutes < rule.minutes;
}

/** A client's estimate: the line's estimate shared out by the people ahead of them. */
export function estimateFor(ahead: number, waiting: number, lineEstimate: number): number {
  return waiting <= 0 ? 0 : Math.round((lineEstimate * ahead) / waiting);
}
