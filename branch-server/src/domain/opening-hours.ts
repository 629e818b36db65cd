import type { OpeningHours } from '@skr/protocol/manager';

/** Local weekday (1–7) and `HH:MM` of an instant in a time zone. */
export function localClock(at: Date, timeZone: string): { day: number; time: string } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return { day, time: `${parts.hour}:${parts.minute}` };
}
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether a matter takes walk-in tickets at `at`; no hours set means always. */
export function isOpen(
  hours: OpeningHours | null | undefined,
  at: Date,
  timeZone: string,
): boolean {
  if (!hours) return true;
  const { day, time } = localClock(at, timeZone);
  return hours.days.includes(day) && time >= hours.from && time < hours.to;
}
