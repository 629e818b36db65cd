import { z } from 'zod';

// The PESEL check digit and birth date: the branch refuses a misread card number or a mistyped
// one (INVALID) before it looks anything up, and the portal stand-in makes its demo numbers with it.
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** The check digit for the first 10 digits of a PESEL. */
export function peselCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * (WEIGHTS[i] ?? 0);
  return (10 - (sum % 10)) % 10;
}

// The month field carries the century: 81–92 → 1800s, 01–12 → 1900s, 21–32 → 2000s,
// 41–52 → 2100s, 61–72 → 2200s. Index = Math.floor(month field / 20).
const CENTURY_BY_MONTH_BLOCK = [1900, 2000, 2100, 2200, 1800] as const;

/**
 * The birth date a PESEL's first 6 digits encode, as "YYYY-MM-DD", or null when the month
 * field names no century or the day does not exist in that month (30 February, 31 April).
 */
export function peselBirthDate(pesel: string): string | null {
  if (!/^\d{6}/.test(pesel)) return null;
  const yy = Number(pesel.slice(0, 2));
  const mm = Number(pesel.slice(2, 4));
  const dd = Number(pesel.slice(4, 6));
  const century = CENTURY_BY_MONTH_BLOCK[Math.floor(mm / 20)];
  const month = mm % 20;
  if (century === undefined || month < 1 || month > 12 || dd < 1) return null;
  const year = century + yy;
  // Date.UTC rolls 30 February over into March: a round trip tells a real day from a rolled one.
  const d = new Date(Date.UTC(year, month - 1, dd));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== dd)
    return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** True when `pesel` is 11 digits with a correct check digit and a real birth date (1800–2299). */
export function isValidPesel(pesel: string): boolean {
  return (
    /^\d{11}$/.test(pesel) &&
    peselCheckDigit(pesel.slice(0, 10)) === Number(pesel[10]) &&
    peselBirthDate(pesel) !== null
  );
}

/**
 * A fully valid PESEL. The messages never echo the value: validation errors are answered to the
 * caller and may end up in logs.
 */
export const Pesel = z
  .string()
  .regex(/^\d{11}$/, 'PESEL must be 11 digits')
  .refine(
    (p) => peselCheckDigit(p.slice(0, 10)) === Number(p[10]),
    'PESEL check digit does not match',
  )
  .refine((p) => peselBirthDate(p) !== null, 'PESEL does not encode a real birth date');
export type Pesel = z.infer<typeof Pesel>;

/**
 * What is wrong with a typed PESEL, for a clear message on screen: not 11 digits, a check digit
 * that does not match, or a birth date that does not exist; null when it is valid.
 */
export function peselProblem(p: string): 'length' | 'check' | 'date' | null {
  if (!/^\d{11}$/.test(p)) return 'length';
  if (peselCheckDigit(p.slice(0, 10)) !== Number(p[10])) return 'check';
  if (peselBirthDate(p) === null) return 'date';
  return null;
}
