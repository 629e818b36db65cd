// What the kiosk says for an element: the same name a screen reader would use (aria-label,
// the label of a field, the visible text), a `data-speak` override where the screen means
// more than its heading (the ticket), and the state of a toggle.

/** Letters and digits of a typed code, one by one ("A B 2"), so the engine spells them. */
export function spell(value: string): string {
  return [...value].join(' ');
}

/** The phrase for `el`; `selected` is the word for a pressed toggle in the client's language. */
export function spokenText(el: Element, selected: string): string {
  const h = el as HTMLElement;
  if (h.dataset.speak) return h.dataset.speak;
  let text: string;
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? '';
    text = el.value
      ? `${label}: ${el instanceof HTMLInputElement ? spell(el.value) : el.value}`
      : label;
  } else {
    text = h.getAttribute('aria-label') ?? h.innerText ?? h.textContent ?? '';
  }
  if (h.getAttribute('aria-pressed') === 'true') text += `, ${selected}`;
  return text.replace(/\s+/g, ' ').trim();
}

/** Controls a keypad can reach, in document order (visible and enabled). */
export function focusableControls(root: ParentNode = document): HTMLElement[] {
  return [
    ...root.querySelectorAll<HTMLElement>(
      'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex="0"]',
    ),
  ].filter((e) => e.getClientRects().length > 0);
}
