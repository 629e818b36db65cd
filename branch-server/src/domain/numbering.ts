/** Printed ticket number: service prefix + at least three digits (`A001`, `A999`, `A1000`). */
export function formatTicketNumber(prefix: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`bad sequence ${sequence}`);
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}

/** Splits `A123` into its prefix and number; undefined when it is not a ticket number. */
export function parseTicketNumber(
  number: string,
): { prefix: string; sequence: number } | undefined {
  const m = /^([A-Z])(\d{3,})$/.exec(number);
  return m ? { prefix: m[1]!, sequence: Number(m[2]) } : undefined;
}
