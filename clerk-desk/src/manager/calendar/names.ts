import type { Counter, Service } from '@skr/protocol';

/** Names for the calendar's ids: a service in the page's language, a counter by its name. */
export interface CalendarNames {
  service: (id: string) => string;
  counter: (id: string) => string;
}

/** Looks ids up in the configuration; an id the configuration lacks shows as itself. */
export function calendarNames(
  services: readonly Service[],
  counters: readonly Counter[],
  lang: string,
): CalendarNames {
  const s = new Map(services.map((x) => [x.id, x.names[lang as 'pl'] ?? x.names.pl]));
  const c = new Map(counters.map((x) => [String(x.id), x.name]));
  return { service: (id) => s.get(id) ?? id, counter: (id) => c.get(id) ?? id };
}
