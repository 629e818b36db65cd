import type { OpeningHours, ServiceConfig, StatsReport } from '@skr/protocol/manager';

/** The branch's opening window in whole hours: [first opening hour, hour of the last close). */
export interface OpenWindow {
  from: number;
  to: number;
}

/** The earliest opening and latest closing among the services' hours; undefined when none set. */
export function openWindow(services: readonly Pick<ServiceConfig, 'openingHours'>[]) {
  const hours = services.map((s) => s.openingHours).filter((h): h is OpeningHours => !!h);
  if (hours.length === 0) return undefined;
  const hourOf = (hhmm: string) => Number(hhmm.slice(0, 2));
  // A close at 18:30 still has arrivals in the 18:00 hour; a close at 18:00 does not.
  const closes = hours.map((h) => hourOf(h.to) + (h.to.endsWith(':00') ? 0 : 1));
  return { from: Math.min(...hours.map((h) => hourOf(h.from))), to: Math.max(...closes) };
}

/**
 * The hours the arrivals chart draws: from the first hour with arrivals or the opening hour,
 * whichever is earlier, to the last hour with arrivals or the closing hour, whichever is later
 * (so an early or late arrival is never cut off). Without opening hours, only the hours with
 * data, or 8–16 on an empty day.
 */
export function arrivalHours(byHour: StatsReport['byHour'], open?: OpenWindow) {
  const busy = byHour.filter((h) => h.issued > 0).map((h) => h.hour);
  const window = open ?? (busy.length ? undefined : { from: 8, to: 16 });
  const first = Math.min(...busy, window?.from ?? 24);
  const last = Math.max(...busy, (window?.to ?? 0) - 1);
  return byHour.filter((h) => h.hour >= first && h.hour <= last);
}
