import { useEffect, useRef } from 'react';
import { focusableControls } from './spoken-text';

/** What the kiosk keypad's function keys do on the current screen. */
interface KeypadActions {
  back: () => void;
  help: () => void;
  toggleSpeech: () => void;
}

/** The dedicated speech-mode key of the kiosk keypad (documented in docs/kiosk.md). */
export const SPEECH_KEY = 'F2';

function isTextField(el: Element | null): el is HTMLInputElement {
  return el instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(el.type);
}

/** Moves focus to the next (+1) or previous (-1) control, wrapping, from wherever it is. */
function moveFocus(dir: 1 | -1): void {
  const list = focusableControls();
  if (!list.length) return;
  const active = document.activeElement;
  let i = active ? list.indexOf(active as HTMLElement) : -1;
  if (i === -1) {
    // From the heading or the body: the first control after it (or the last before it).
    const after = active
      ? list.findIndex((e) => active.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)
      : 0;
    i = dir === 1 ? (after === -1 ? list.length : after) - 1 : after === -1 ? list.length : after;
  }
  list[(i + dir + list.length) % list.length]?.focus();
}

/** Presses the current screen's own Back button, if it has one; says whether it did. */
export function clickScreenBack(): boolean {
  const b = document.querySelector<HTMLButtonElement>('main [data-keypad-back]:not([disabled])');
  b?.click();
  return Boolean(b);
}

/**
 * Keypad navigation on the whole page: arrows or 2/4/6/8 move the focus (2 and 4 back, 6 and
 * 8 on, as on a phone keypad), Enter or 5 activates, Escape or 0 goes back, F1, H or * reads
 * the help, F2 switches speech mode. In a text field digits and left/right keep typing and
 * moving the caret; up/down still leave it.
 */
export function useKeypadNavigation(actions: KeypadActions): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const active = document.activeElement;
      const typing = isTextField(active);
      const choosing = active instanceof HTMLSelectElement;
      const act = (f: () => void) => {
        e.preventDefault();
        f();
      };
      const k = e.key;
      if (k === SPEECH_KEY) return act(ref.current.toggleSpeech);
      if (k === 'F1' || k === '*' || (!typing && (k === 'h' || k === 'H')))
        return act(ref.current.help);
      if (k === 'Escape' || (!typing && (k === '0' || k === 'Backspace')))
        return act(ref.current.back);
      if (k === 'ArrowDown' && !choosing) return act(() => moveFocus(1));
      if (k === 'ArrowUp' && !choosing) return act(() => moveFocus(-1));
      if (typing) return;
      if (k === 'ArrowRight' || k === '6' || k === '8') return act(() => moveFocus(1));
      if (k === 'ArrowLeft' || k === '4' || k === '2') return act(() => moveFocus(-1));
      if (k === '5' && active instanceof HTMLElement && active !== document.body)
        return act(() => active.click());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
