import type { NoShowRates, NoShowRow } from '@skr/protocol/manager';
import { localDay, startOfLocalDay } from '@skr/protocol/time-zone';
import type { Db } from '../store';
import { addDays } from './period';

/** Which days and services, and until when a still-open booking counts as missed. */
interface NoShowQuery {
  from: string;
  to: string;
  zone: string;
  /** Bookings due before this instant and never checked in are missed (the late window past). */
  until: Date;
  /** Order of the services (the catalogue's); others follow by id. */
  serviceOrder?: readonly string[];
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    // Booked visits that checked in, per local day and service (the stats triggers' "booked").
    kept: db.prepare(
      `SELECT day, service_id AS serviceId, SUM(booked) AS n FROM stats_daily
       WHERE day BETWEEN ? AND ? GROUP BY day, service_id HAVING n > 0`,
    ),
    // Bookings still open after their window: the same set the end of the day records as
    // booking.no-show events (end-day reads bookings the same way), found by the (status,
    // booked_for) index instead of scanning the event log.
    missed: db.prepare(
      `SELECT booked_for AS bookedFor, service_id AS serviceId FROM bookings
       WHERE status = 'booked' AND booked_for >= ? AND booked_for < ?`,
    ),
  };
}

const rowOf = (key: string, kept: number, missed: number): NoShowRow => ({
  key,
  kept,
  missed,
  rate: kept + missed === 0 ? null : Math.round((missed / (kept + missed)) * 1000) / 1000,
});

/**
 * The no-show rate of booked visits over the local days `from`..`to`: missed / (kept + missed)
 * per day (every day of the span, in order), per service and in total.
 */
export function bookingNoShows(db: Db, q: NoShowQuery): NoShowRates {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  const byDay = new Map<string, [number, number]>();
  const byService = new Map<string, [number, number]>();
  const bump = (m: Map<string, [number, number]>, k: string, i: 0 | 1, n: number) => {
    const v = m.get(k) ?? [0, 0];
    v[i] += n;
    m.set(k, v);
  };
  for (const r of s.kept.all(q.from, q.to) as { day: string; serviceId: string; n: number }[]) {
    bump(byDay, r.day, 0, r.n);
    bump(byService, r.serviceId, 0, r.n);
  }
  const fromIso = startOfLocalDay(q.from, q.zone).toISOString();
  const toIso = new Date(
    Math.min(startOfLocalDay(addDays(q.to, 1), q.zone).getTime(), q.until.getTime()),
  ).toISOString();
  if (fromIso < toIso)
    for (const r of s.missed.all(fromIso, toIso) as { bookedFor: string; serviceId: string }[]) {
      bump(byDay, localDay(r.bookedFor, q.zone), 1, 1);
      bump(byService, r.serviceId, 1, 1);
    }
  const days: NoShowRow[] = [];
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
    const [kept, missed] = byDay.get(d) ?? [0, 0];
    days.push(rowOf(d, kept, missed));
  }
  const order = new Map((q.serviceOrder ?? []).map((id, i) => [id, i]));
  const services = [...byService.keys()].sort(
    (a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b),
  );
  let kept = 0;
  let missed = 0;
  for (const [k, m] of byService.values()) {
    kept += k;
    missed += m;
  }
  return {
    byDay: days,
    byService: services.map((id) => rowOf(id, ...byService.get(id)!)),
    total: rowOf('all', kept, missed),
  };
}
