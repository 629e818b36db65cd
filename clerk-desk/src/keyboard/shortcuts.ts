/** Everything the console can do from the keyboard. */
export type DeskCommand =
  'call-next' | 'recall' | 'start' | 'finish' | 'no-show' | 'park' | 'transfer' | 'pause';

/** The part of a KeyboardEvent the mapping looks at. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Tag name of the focused element (upper case, as the DOM gives it). */
  targetTag: string;
  /** The focused element takes typed text (input, textarea, select, contenteditable). */
  targetEditable: boolean;
}

// Physical keys (KeyboardEvent.code), so the shortcuts stay put on Polish and Ukrainian
// layouts alike; the letters follow the English action names shown on the buttons.
const letters: Record<string, DeskCommand> = {
  KeyR: 'recall',
  KeyS: 'start',
  KeyF: 'finish',
  KeyN: 'no-show',
  KeyP: 'park',
  KeyT: 'transfer',
  KeyB: 'pause',
};

/** The label shown on each button (and in aria-keyshortcuts). */
export const shortcutLabel: Record<DeskCommand, string> = {
  'call-next': 'F2',
  recall: 'R',
  start: 'S',
  finish: 'F',
  'no-show': 'N',
  park: 'P',
  transfer: 'T',
  pause: 'B',
};

/**
 * The command a key press means, or undefined. Letters never fire while typing or with a
 * modifier; Space calls the next client only when no button has focus (there Space presses
 * the button, as everywhere else).
 */
export function commandFor(k: KeyPress): DeskCommand | undefined {
  if (k.ctrlKey || k.altKey || k.metaKey) return undefined;
  if (k.key === 'F2') return 'call-next';
  if (k.targetEditable) return undefined;
  if (k.code === 'Space') {
    const interactive = ['BUTTON', 'A', 'SUMMARY'].includes(k.targetTag);
    return interactive ? undefined : 'call-next';
  }
  return letters[k.code];
}

/** Builds a KeyPress from a DOM keyboard event. */
export function keyPressOf(e: KeyboardEvent): KeyPress {
  const el = e.target instanceof HTMLElement ? e.target : null;
  const tag = el?.tagName ?? '';
  return {
    key: e.key,
    code: e.code,
    ctrlKey: e.ctrlKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
    targetTag: tag,
    targetEditable:
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(tag) || (el?.isContentEditable ?? false),
  };
}
