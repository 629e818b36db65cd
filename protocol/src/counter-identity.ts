import { z } from 'zod';

/** A counter's public number: what the voice says, the LED boards and screens show (1–999). */
export const CounterNumber = z.number().int().min(1).max(999);

/**
 * A counter's optional short label ("T9"), shown and spoken instead of the number: capital
 * letters (Ł included, spelled by the announcer) and digits, at most 4, fitting an LED board.
 */
export const CounterLabel = z
  .string()
  .regex(/^[A-ZŁ0-9]{1,4}$/, 'label: 1–4 capital letters or digits, e.g. T9');

/** The part of a counter the public sees; every medium formats a counter from it alone. */
export interface CounterIdentity {
  number: number;
  label: string | null;
}

/** The counter's sign for screens, boards and the desk: its label, else its number ("T9", "9"). */
export function counterSign(c: CounterIdentity): string {
  return c.label ?? String(c.number);
}

/**
 * The number a counter gets when the manager gives none: the number at the end of its name
 * ("Okienko T9" → 9), else its id, else the lowest number still free.
 */
export function defaultCounterNumber(name: string, id: number, taken: ReadonlySet<number>): number {
  const fromName = /(\d{1,3})$/.exec(name.trim());
  const candidates = [fromName ? Number(fromName[1]) : 0, id];
  for (const n of candidates) if (n >= 1 && n <= 999 && !taken.has(n)) return n;
  let n = 1;
  while (taken.has(n)) n += 1;
  return n;
}
