import { z } from 'zod';

// The PESEL check digit: the branch refuses a misread card number (INVALID) before it looks
// anything up, and the portal stand-in makes its demo numbers with it.
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** The check digit for the first 10 digits of a PESEL. */
export function peselCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * (WEIGHTS[i] ?? 0);
  return (10 - (sum % 10)) % 10;
}

/** True when `pesel` is 11 digits with a correct check digit. */
export function isValidPesel(pesel: string): boolean {
  return /^\d{11}$/.test(pesel) && peselCheckDigit(pesel.slice(0, 10)) === Number(pesel[10]);
}

/**
 * A PESEL with a valid check digit. The messages never echo the value: validation errors are
 * answered to the caller and may end up in logs.
 */
export const Pesel = z
  .string()
  .regex(/^\d{11}$/, 'PESEL must be 11 digits')
  .refine(isValidPesel, 'PESEL check digit does not match');
export type Pesel = z.infer<typeof Pesel>;
