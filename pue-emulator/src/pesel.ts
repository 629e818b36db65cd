// PESEL helpers: the checksum (so demo data and card certificates carry plausible numbers) and
// masking, because a full PESEL must never reach a log or a screen that is not the person's own.

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
