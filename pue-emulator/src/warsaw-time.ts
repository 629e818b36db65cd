// Bookings are made in Europe/Warsaw wall-clock time; the API also gives the instant so that
// clients in any zone (and the branch's UTC logs) agree. Node ships full ICU, so Intl knows
// the Polish DST rules and no date library is needed.

const fmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function parts(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(instant))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Offset of Europe/Warsaw from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
export function warsawOffsetMinutes(instant: Date): number {
  const p = parts(instant);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of Warsaw wall clock `date` (`YYYY-MM-DD`) `time` (`HH:MM`). */
export function warsawToInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  // Two passes settle the offset even next to a DST switch.
  let guess = wall - warsawOffsetMinutes(new Date(wall)) * 60_000;
  guess = wall - warsawOffsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

/** Warsaw calendar date `YYYY-MM-DD` of `instant`. */
export function warsawDate(instant: Date): string {
  const p = parts(instant);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** True when `date` is a real calendar day (rejects 2025-02-30). */
export function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}
