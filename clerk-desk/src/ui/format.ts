import type { Ticket } from '@skr/protocol/domain';
import { branchTimeOfDay } from './branch-time';

/** Whole minutes from `from` to `to` (ISO instants or Dates), never negative. */
export function minutesBetween(from: string | Date, to: string | Date): number {
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Math.max(0, Math.floor(ms / 60_000));
}

/** "12:05" on the branch's wall clock (its zone from the server, not the PC's). */
export function clock(iso: string, lang: string): string {
  return branchTimeOfDay(iso, lang);
}

/** "7:05" / "1:02:09": a running duration for the timer next to the ticket. */
export function duration(from: string, now: Date): string {
  const s = Math.max(0, Math.floor((now.getTime() - new Date(from).getTime()) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * How long the client waited: from taking the ticket (for a booked visit, from the booked
 * time if they came early) until service started, or until now while still only called.
 */
export function waitedMinutes(t: Ticket, now: Date): number {
  const from = t.bookedFor !== null && t.bookedFor > t.issuedAt ? t.bookedFor : t.issuedAt;
  return minutesBetween(from, t.startedAt ?? now);
}

/** A booked client's punctuality at check-in: negative = early, positive = late (minutes). */
export function punctuality(t: Ticket): number | null {
  if (t.bookedFor === null) return null;
  const ms = new Date(t.issuedAt).getTime() - new Date(t.bookedFor).getTime();
  return Math.round(ms / 60_000);
}
