/** A counter's name split for big type: "Stanowisko 7" → label "Stanowisko", short "7". */
export interface CounterLabel {
  /** The words before the number ('' when the name has no trailing number). */
  label: string;
  /** The number, or the whole name when it has none. */
  short: string;
  /** True when `short` is a whole name rather than a number (drawn smaller). */
  long: boolean;
}

/** Splits a counter name so screens can show its number large and the word small. */
export function splitCounterName(name: string): CounterLabel {
  const m = /^(.*?)\s*(\d{1,3})$/.exec(name.trim());
  if (m && m[1]) return { label: m[1], short: m[2]!, long: false };
  return { label: '', short: name, long: name.length > 3 };
}
