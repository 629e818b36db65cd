import type { Db } from '../store';
import { addToHistogram, type Histogram } from './histogram';

/** Summed counters of one (service, counter, clerk) over a span of days. */
export interface DailySums {
  serviceId: string;
  counterId: number;
  clerk: string;
  issued: number;
  booked: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  waitN: number;
  waitSum: number;
  serviceN: number;
  serviceSum: number;
}

/** Histogram dimension: service, counter or clerk per day; upper case: per month (day = YYYY-MM). */
export type HistDim = 's' | 'c' | 'k' | 'S' | 'C' | 'K';
/** Histogram metric: wait until called, or service time. */
type HistMetric = 'w' | 's';

const cache = new WeakMap<Db, ReturnType<typeof makeRepo>>();

/**
 * Reads the summary tables the stats triggers keep (migration 3). Every query is a range
 * scan over (day, …) keys, so its cost follows the period's length, not the history's.
 * Statements are prepared once per database handle.
 */
export function statsRepo(db: Db) {
  let repo = cache.get(db);
  if (!repo) cache.set(db, (repo = makeRepo(db)));
  return repo;
}

function makeRepo(db: Db) {
  const daily = db.prepare(
    `SELECT service_id AS serviceId, counter_id AS counterId, clerk,
       SUM(issued) AS issued, SUM(booked) AS booked, SUM(served) AS served,
       SUM(no_show) AS noShow, SUM(cancelled) AS cancelled, SUM(expired) AS expired,
       SUM(wait_n) AS waitN,
       TOTAL(wait_sum) AS waitSum, SUM(service_n) AS serviceN, TOTAL(service_sum) AS serviceSum
     FROM stats_daily WHERE day BETWEEN ? AND ? GROUP BY service_id, counter_id, clerk`,
  );
  // One row per histogram: a JSON object bucket → count (migration 3).
  const hist = db
    .prepare(`SELECT key, metric, counts FROM stats_hist WHERE dim = ? AND day BETWEEN ? AND ?`)
    .raw(true);
  const hourly = db.prepare(
    `SELECT day, utc_hour AS hour, SUM(issued) AS n FROM stats_hourly
     WHERE day BETWEEN ? AND ? GROUP BY day, utc_hour`,
  );
  const missed = db.prepare(
    `SELECT service_id AS serviceId, COUNT(*) AS n FROM bookings
     WHERE status = 'booked' AND booked_for >= ? AND booked_for < ? GROUP BY service_id`,
  );
  return {
    /** Counters per (service, counter, clerk) over [from, to]. */
    daily(from: string, to: string): DailySums[] {
      return daily.all(from, to) as DailySums[];
    },
    /** Histograms of one dimension over [from, to]: `key/metric` → histogram. */
    histograms(dim: HistDim, from: string, to: string): Map<string, Histogram> {
      const out = new Map<string, Histogram>();
      for (const [key, metric, counts] of hist.all(dim, from, to) as [
        string,
        HistMetric,
        string,
      ][]) {
        const k = `${key}/${metric}`;
        let h = out.get(k);
        if (!h) out.set(k, (h = new Map()));
        for (const [bucket, n] of Object.entries(JSON.parse(counts) as Record<string, number>))
          addToHistogram(h, Number(bucket), n);
      }
      return out;
    },
    /** Arrivals per local day and UTC hour over [from, to]. */
    hourly(from: string, to: string): { day: string; hour: number; n: number }[] {
      return hourly.all(from, to) as { day: string; hour: number; n: number }[];
    },
    /** Bookings never checked in whose booked time lies in [fromIso, toIso), per service. */
    missedBookings(fromIso: string, toIso: string): Map<string, number> {
      if (toIso <= fromIso) return new Map();
      return new Map(
        (missed.all(fromIso, toIso) as { serviceId: string; n: number }[]).map((r) => [
          r.serviceId,
          r.n,
        ]),
      );
    },
  };
}
