// What the kiosk says for an element: the same name a screen reader would use (aria-label,
// the label of a field, the visible text), a `data-speak` override where the screen means
// more than its heading (the ticket), and the state of a toggle.

/** Letters and digits of a typed code, one by one ("A B 2"), so the engine spells them. */
export function spell(value: string): string {
  return [...value].join(' ');
}

/** Words in the client's language that are not on the screen. */
export interface SpokenWords {
  /** Said after a pressed toggle ("wybrano"). */
  selected: string;
  /** Said for what a hidden field (PIN, password) holds: how many characters, never which. */
  hidden: (count: number) => string;
}

/** What a field holds, as it may be heard: spelled, or only counted when it is hidden. */
export function spokenValue(el: HTMLInputElement | HTMLSelectElement, words: SpokenWords): string {
  if (el instanceof HTMLSelectElement) return el.value;
  return el.type === 'password' ? words.hidden(el.value.length) : spell(el.value);
}

/** The phrase for `el` in the client's language. */
export function spokenText(el: Element, words: SpokenWords): string {
  const h = el as HTMLElement;
  if (h.dataset.speak) return h.dataset.speak;
  let text: string;
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? '';
    text = el.value ? `${label}: ${spokenValue(el, words)}` : label;
  } else if (el instanceof HTMLTableElement) {
    // Caption, then row by row: cells apart by commas, rows by full stops, so the speaker
    // can break it into short phrases and the engine pauses where a reader would.
    const rows = [...el.rows].map((r) =>
      [...r.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim()).join(', '),
    );
    text = [el.caption?.innerText ?? '', ...rows].filter(Boolean).join('. ') + '.';
  } else {
    text = h.getAttribute('aria-label') ?? h.innerText ?? h.textContent ?? '';
  }
  if (h.getAttribute('aria-pressed') === 'true') text += `, ${words.selected}`;
  return text.replace(/\s+/g, ' ').trim();
}

/** A phrase and the language of the voice that reads it. */
export type SpokenPart = [text: string, lang: string];

/**
 * The phrases for `el` and their voices: a control marked in another language than the
 * client's (the language buttons: lang="uk") has its name read by that language's voice, since
 * the Polish voice reading "Українська" is noise, and its state by the client's.
 */
export function spokenParts(el: Element, words: SpokenWords, lang: string): SpokenPart[] {
  // `body [lang]`: the page's own <html lang> is not a part in another language.
  const own = el.closest('body [lang]')?.getAttribute('lang');
  if (!own || own === lang) return [[spokenText(el, words), lang]];
  const nameOnly = spokenText(el, { ...words, selected: '' }).replace(/,$/, '');
  return el.getAttribute('aria-pressed') === 'true'
    ? [
        [nameOnly, own],
        [words.selected, lang],
      ]
    : [[nameOnly, own]];
}

/** Controls a keypad can reach, in document order (visible and enabled). */
export function focusableControls(root: ParentNode = document): HTMLElement[] {
  return [
    ...root.querySelectorAll<HTMLElement>(
      'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex="0"]',
    ),
  ].filter((e) => e.getClientRects().length > 0);
}
