// PESEL helpers: the checksum lives in protocol (the branch validates card numbers too); here
// demo numbers and masking, because a full PESEL must never reach a log or a screen that is not the person's own.

import { isValidPesel, peselCheckDigit } from '@skr/protocol/pesel';

export { isValidPesel };

/** Completes 10 digits into a valid PESEL (for demo and test data). */
export function withCheckDigit(first10: string): string {
  return first10 + String(peselCheckDigit(first10));
}

/** `85010112345` → `*******2345`: enough for a person to recognise, useless to anyone else. */
export function maskPesel(pesel: string): string {
  return '*'.repeat(Math.max(0, pesel.length - 4)) + pesel.slice(-4);
}

/** `+48600123456` → `+48*******456`; `anna.k@example.pl` → `a***@example.pl`. */
export function maskDestination(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  return value.slice(0, 3) + '*'.repeat(Math.max(0, value.length - 6)) + value.slice(-3);
}
