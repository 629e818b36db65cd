import type { Counter, QueueSettings, Service } from '@skr/protocol';
import type { StatsPeriod, StatsReport, StatsRow } from '@skr/protocol/manager';
import type { Db } from '../store';
import { durationStats, mergeHistograms, type Histogram } from './histogram';
import { localHour, startOfLocalDay } from '@skr/protocol/time-zone';
import { bookingNoShows } from './booking-no-shows';
import { addDays, periodRange } from './period';
import { statsRepo, type DailySums, type HistDim } from './stats-repo';

/** What a report is about. */
interface StatsRequest {
  period: StatsPeriod;
  date: string;
  now: Date;
  settings: QueueSettings;
  services: Service[];
  counters: Counter[];
}

type Sums = Omit<DailySums, 'serviceId' | 'counterId' | 'clerk'> & { missed: number };
const zero = (): Sums => ({
  issued: 0,
  booked: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  expired: 0,
  waitN: 0,
  waitSum: 0,
  serviceN: 0,
  serviceSum: 0,
  missed: 0,
});
function add(into: Sums, r: DailySums): void {
  into.issued += r.issued;
  into.booked += r.booked;
  into.served += r.served;
  into.noShow += r.noShow;
  into.cancelled += r.cancelled;
  into.expired += r.expired;
  into.waitN += r.waitN;
  into.waitSum += r.waitSum;
  into.serviceN += r.serviceN;
  into.serviceSum += r.serviceSum;
}

function row(
  key: string,
  label: string,
  s: Sums,
  wait: Histogram | undefined,
  service: Histogram | undefined,
): StatsRow {
  return {
    key,
    label,
    issued: s.issued,
    served: s.served,
    noShows: s.noShow,
    cancelled: s.cancelled,
    expired: s.expired,
    bookingsKept: s.booked,
    bookingsMissed: s.missed,
    wait: durationStats(s.waitN, s.waitSum, wait),
    service: durationStats(s.serviceN, s.serviceSum, service),
  };
}

/** Builds the statistics of a day, week or month from the summary tables. */
export function statsReport(db: Db, req: StatsRequest): StatsReport {
  const started = performance.now();
  const repo = statsRepo(db);
  const { from, to } = periodRange(req.period, req.date);
  const tz = req.settings.timeZone;

  const byService = new Map<string, Sums>();
  const byCounter = new Map<string, Sums>();
  const byClerk = new Map<string, Sums>();
  const total = zero();
  const bucket = (m: Map<string, Sums>, k: string) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = zero()));
    return s;
  };
  for (const r of repo.daily(from, to)) {
    add(total, r);
    add(bucket(byService, r.serviceId), r);
    if (r.counterId > 0) add(bucket(byCounter, String(r.counterId)), r);
    if (r.clerk !== '') add(bucket(byClerk, r.clerk), r);
  }
  // A booking is missed once its late-arrival window has passed without a check-in.
  const missedUntil = new Date(
    Math.min(
      startOfLocalDay(addDays(to, 1), tz).getTime(),
      req.now.getTime() - req.settings.lateArrivalMinutes * 60_000,
    ),
  );
  const missed = repo.missedBookings(
    startOfLocalDay(from, tz).toISOString(),
    missedUntil.toISOString(),
  );
  for (const [serviceId, n] of missed) {
    bucket(byService, serviceId).missed += n;
    total.missed += n;
  }

  // A calendar month reads the monthly histograms: a few thousand rows instead of ~100,000.
  const hists = (dim: 's' | 'c' | 'k') =>
    req.period === 'month'
      ? repo.histograms(dim.toUpperCase() as HistDim, from.slice(0, 7), to.slice(0, 7))
      : repo.histograms(dim, from, to);
  const hs = hists('s');
  const hc = hists('c');
  const hk = hists('k');
  const all = (metric: 'w' | 's') =>
    mergeHistograms([...hs].filter(([k]) => k.endsWith(`/${metric}`)).map(([, h]) => h));

  const serviceName = new Map(req.services.map((s) => [s.id, s.names.pl]));
  const counterName = new Map(req.counters.map((c) => [String(c.id), c.name]));
  const table = (
    m: Map<string, Sums>,
    h: Map<string, Histogram>,
    label: (k: string) => string,
    order: (a: string, b: string) => number,
  ) =>
    [...m.keys()]
      .sort(order)
      .map((k) => row(k, label(k), m.get(k)!, h.get(`${k}/w`), h.get(`${k}/s`)));
  const serviceOrder = new Map(req.services.map((s, i) => [s.id, i]));

  const perHour = new Array<number>(24).fill(0);
  for (const r of repo.hourly(from, to)) perHour[localHour(r.day, r.hour, tz)]! += r.n;

  return {
    period: req.period,
    from,
    to,
    total: row('all', 'all', total, all('w'), all('s')),
    byService: table(
      byService,
      hs,
      (k) => serviceName.get(k) ?? k,
      (a, b) => (serviceOrder.get(a) ?? 99) - (serviceOrder.get(b) ?? 99) || a.localeCompare(b),
    ),
    byCounter: table(
      byCounter,
      hc,
      (k) => counterName.get(k) ?? `#${k}`,
      (a, b) => Number(a) - Number(b),
    ),
    byClerk: table(
      byClerk,
      hk,
      (k) => k,
      (a, b) => a.localeCompare(b),
    ),
    byHour: perHour.map((issued, hour) => ({ hour, issued })),
    noShowRate: bookingNoShows(db, {
      from,
      to,
      zone: tz,
      until: missedUntil,
      serviceOrder: req.services.map((s) => s.id),
    }),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
