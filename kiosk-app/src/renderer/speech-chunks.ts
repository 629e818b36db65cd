// Long phrases (a table read row by row, a long hint) are spoken as several short ones: the
// first is rendered and starts playing while the rest are rendered behind it, each stays
// under the host's limit, and a short phrase already heard is found in the cache.

/** Phrases up to this length are spoken whole. */
export const WHOLE_MAX = 120;
/** The first piece of a longer phrase: short, so its audio starts soon. */
export const FIRST_MAX = 80;
/** Every later piece. */
export const PIECE_MAX = 160;

// Sentence ends first, then clause breaks (a comma with a space: "5000,00" stays whole).
const BREAKS = [/(?<=[.!?:;])\s+/, /(?<=,)\s+/, /\s+/];

function split(text: string, max: number, level = 0): string[] {
  if (text.length <= max || level >= BREAKS.length) return [text];
  return text.split(BREAKS[level]!).flatMap((part) => split(part, max, level + 1));
}

/** Splits `text` into pieces to speak in order; short texts come back whole. */
export function speechChunks(text: string): string[] {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return [];
  if (t.length <= WHOLE_MAX) return [t];
  const out: string[] = [];
  let cur = '';
  // Greedy: join the smallest parts back while they fit the current piece's limit.
  for (const part of split(t, FIRST_MAX)) {
    const max = out.length === 0 ? FIRST_MAX : PIECE_MAX;
    if (cur && cur.length + 1 + part.length > max) {
      out.push(cur);
      cur = part;
    } else cur = cur ? `${cur} ${part}` : part;
  }
  if (cur) out.push(cur);
  return out;
}
