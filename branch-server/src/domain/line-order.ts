import type { Ticket } from '@skr/protocol';

/**
 * Code-point order of two strings. Line positions (ISO instants) and ticket ids (UUIDs, and the
 * simulation's `w12`/`b3`) hold only digits, lowercase letters and punctuation at fixed places,
 * where it is the same order as `localeCompare`'s, at a small part of its cost: the calling
 * policy and the wait estimate's dry run compare tickets hundreds of times per issued ticket.
 */
export function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Line order: line position, then id. The tie-break of every calling order. */
export function byLine(a: Ticket, b: Ticket): number {
  return textOrder(a.lineAt, b.lineAt) || textOrder(a.id, b.id);
}

/**
 * Whether a ticket holds its place in line by a booked time (a checked-in visit on time) rather
 * than by when it joined: the test of the calling policies, the dry run and the end of the line.
 */
export function isBooked(t: Ticket): boolean {
  return t.bookedFor !== null && t.lineAt === t.bookedFor;
}
