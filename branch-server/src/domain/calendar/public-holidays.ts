import type { PublicHolidayId } from '@skr/protocol/calendar';

// Polish statutory days off (Ustawa z 18 stycznia 1951 r. o dniach wolnych od pracy): a ZUS
// branch is closed on them, so no channel books a visit and no walk-in is taken. Epiphany is a day
// off since 2011 and Christmas Eve since 2025 (the 2024 amendment). Easter Sunday and Pentecost
// are Sundays anyway; they are listed so the manager's calendar names the day.

/** One statutory day off: its local day ("YYYY-MM-DD") and which holiday it is. */
interface PublicHoliday {
  readonly day: string;
  readonly id: PublicHolidayId;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Easter Sunday of `year` ("YYYY-MM-DD") by the Gregorian computus (the anonymous algorithm,
 * Meeus/Jones/Butcher). Our own ten lines: no computus package is installed here, and one more
 * dependency for a formula that never changes is not worth it.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year)}-${pad(month)}-${pad(day)}`;
}

/** `day` moved by `n` days (calendar arithmetic in UTC: no zone, no clock change). */
function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Poland's statutory days off in `year`, in date order. */
export function polishPublicHolidays(year: number): PublicHoliday[] {
  const y = String(year);
  const easter = easterSunday(year);
  const fixed = (md: string, id: PublicHolidayId): PublicHoliday => ({ day: `${y}-${md}`, id });
  const list: PublicHoliday[] = [
    fixed('01-01', 'new-year'),
    ...(year >= 2011 ? [fixed('01-06', 'epiphany')] : []),
    { day: easter, id: 'easter-sunday' },
    { day: plusDays(easter, 1), id: 'easter-monday' },
    fixed('05-01', 'labour-day'),
    fixed('05-03', 'constitution-day'),
    { day: plusDays(easter, 49), id: 'pentecost' },
    { day: plusDays(easter, 60), id: 'corpus-christi' },
    fixed('08-15', 'assumption'),
    fixed('11-01', 'all-saints'),
    fixed('11-11', 'independence-day'),
    ...(year >= 2025 ? [fixed('12-24', 'christmas-eve')] : []),
    fixed('12-25', 'christmas'),
    fixed('12-26', 'second-day-of-christmas'),
  ];
  return list.sort((p, q) => (p.day < q.day ? -1 : p.day > q.day ? 1 : 0));
}

// buildSlots asks for every day of a month's availability: one map per year, made once. A
// server lives through a handful of years, so the map stays tiny.
const byYear = new Map<number, ReadonlyMap<string, PublicHolidayId>>();

/** The Polish statutory holiday on `day` ("YYYY-MM-DD"), or null on an ordinary day. */
export function polishHolidayOn(day: string): PublicHolidayId | null {
  const year = Number(day.slice(0, 4));
  let days = byYear.get(year);
  if (!days) {
    days = new Map(polishPublicHolidays(year).map((h) => [h.day, h.id]));
    byYear.set(year, days);
  }
  return days.get(day) ?? null;
}

/** The statutory holiday the plan closes `day` for, or null (the plan may switch them off). */
export function planHolidayOn(
  plan: { readonly publicHolidays?: 'pl' | 'none' },
  day: string,
): PublicHolidayId | null {
  return plan.publicHolidays === 'none' ? null : polishHolidayOn(day);
}
