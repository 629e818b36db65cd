import type { Lang } from '@skr/protocol/domain';
import { en } from '../i18n/en';
import { pl } from '../i18n/pl';
import { uk } from '../i18n/uk';

// The fixed phrases of the kiosk's screens, rendered at host start so the first client to
// press a key hears it from the cache: every catalogue text without a placeholder, a big
// button's label with its hint (as speech mode reads it), and the single characters the
// keypad echoes. Shortest first: the most frequent phrases (keys, buttons) are ready soonest.

const CATALOGUES = { pl, en, uk } as const;
/** Characters echoed when typed: digits and the letters of booking codes. */
const CHARACTERS = [...'0123456789ABCDEFGHJKMNPQRSTUVWXYZ'];

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, out: Map<string, string>, prefix = ''): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else leaves(v, out, `${prefix}${k}.`);
  }
  return out;
}

/** The fixed phrases of every screen in `lang`, shortest first, at most `max`. */
export function fixedPhrases(lang: Lang, max = 300): string[] {
  const all = leaves(CATALOGUES[lang] as unknown as Tree, new Map());
  const phrases = new Set<string>(CHARACTERS);
  for (const [key, text] of all) {
    if (text.includes('{{')) continue;
    phrases.add(text);
    const hint = all.get(`${key}Hint`);
    if (hint && !hint.includes('{{')) phrases.add(`${text} ${hint}`);
  }
  return [...phrases]
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0 && p.length <= 120)
    .sort((a, b) => a.length - b.length)
    .slice(0, max);
}
