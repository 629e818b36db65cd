import { useEffect } from 'react';
import { focusableControls } from './spoken-text';

/**
 * Where focus goes when it has none: a field the screen keeps focused (`data-autofocus`, the
 * check-in code field where the QR scanner types), the screen's heading, or its first control.
 */
function restoreFocus(): void {
  const keep = document.querySelector<HTMLElement>('main [data-autofocus]');
  if (keep) return keep.focus();
  const title = document.getElementById('screen-title');
  if (title) title.focus();
  else focusableControls()[0]?.focus();
}

/**
 * Keeps the focus on the page's content. A keypad client cannot click their way back: when
 * the focused button disappears (a flow's next step replaces it) or is disabled (a request
 * under way), Chromium drops the focus to <body> without any event, and every later key
 * would go nowhere. Any change of the page that leaves the focus on <body> puts it back.
 */
export function useFocusKeeper(): void {
  useEffect(() => {
    let pending = false;
    const check = () => {
      pending = false;
      const a = document.activeElement;
      if (!a || a === document.body || !a.isConnected) restoreFocus();
    };
    const observer = new MutationObserver(() => {
      // One check after the render, however many nodes it changed.
      if (pending) return;
      pending = true;
      queueMicrotask(check);
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    return () => observer.disconnect();
  }, []);
}
