import { peselCheckDigit } from '@skr/protocol';

/** A valid PESEL for person `i`: born on day 1–28 of a month in the 1950s–80s. */
export function pesel(i: number): string {
  const yy = 50 + (i % 40);
  const mm = 1 + (Math.floor(i / 40) % 12);
  const dd = 1 + (i % 28);
  const first10 = `${String(yy)}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${String(i).padStart(4, '0')}`;
  return first10 + String(peselCheckDigit(first10));
}
