import { useEffect, useRef } from 'react';
import type { Speaker } from './speech';
import { speechUrl } from './speech';
import { speechChunks } from './speech-chunks';
import {
  focusableControls,
  spell,
  spokenParts,
  spokenText,
  spokenValue,
  type SpokenPart,
  type SpokenWords,
} from './spoken-text';

/** Texts in the client's language the speech mode needs besides what is on screen. */
interface SpeechWords extends SpokenWords {
  on: string;
}

// Phrases rendered ahead (a screen's controls) so moving the focus is heard at once; the
// host renders them one at a time behind anything a client is waiting for. One request at a
// time, dropped when the screen changes: a waiting prefetch holds one of the browser's six
// connections to the host, which the phrase a client waits for must never queue behind.
async function prefetch(urls: string[], signal: AbortSignal): Promise<void> {
  for (const u of urls) {
    if (signal.aborted) return;
    await fetch(u, { signal }).catch(() => undefined);
  }
}

/**
 * While `enabled`: reads each screen's title when it comes, the focused control on every
 * move, the state after a toggle or a key of the on-screen keypad, and every alert or status
 * that appears (errors, the print result, help). Off: silent, and whatever was playing stops.
 */
export function useSpeechMode(
  speaker: Speaker,
  enabled: boolean,
  lang: string,
  words: SpeechWords,
): void {
  const ctx = useRef({ lang, words });
  ctx.current = { lang, words };
  useEffect(() => {
    if (!enabled) {
      speaker.stop();
      return;
    }
    let lastTitle = '';
    const seen = new WeakSet<Element>();
    const titleEl = () => document.getElementById('screen-title');
    const say = (text: string) => speaker.say(text, ctx.current.lang);
    const queue = (text: string) => speaker.queue(text, ctx.current.lang);
    const name = (el: Element) => spokenText(el, ctx.current.words);
    const parts = (el: Element) => spokenParts(el, ctx.current.words, ctx.current.lang);
    // The first phrase interrupts what is playing when asked to; the rest wait their turn.
    const speak = (said: SpokenPart[], interrupt: boolean) =>
      said.forEach(([text, l], i) =>
        i === 0 && interrupt ? speaker.say(text, l) : speaker.queue(text, l),
      );

    let warming = new AbortController();
    const warm = () => {
      warming.abort();
      warming = new AbortController();
      void prefetch(
        focusableControls()
          .flatMap((e) => parts(e))
          .flatMap(([text, lang]) => speechChunks(text).map((t) => speechUrl(t, lang)))
          .map((u) => `${u}&prefetch=1`),
        warming.signal,
      );
    };
    // Read the title of a new screen first, then what has the focus.
    const announce = (el: Element | null, interrupt: boolean) => {
      const title = titleEl();
      const titleText = title ? name(title) : '';
      const said: SpokenPart[] = [];
      const lang = ctx.current.lang;
      if (titleText && titleText !== lastTitle) {
        said.push([titleText, lang]);
        lastTitle = titleText;
        // Alerts and statuses the new screen came with follow its title (the observer may
        // have queued them before the title, which interrupts).
        for (const f of document.querySelectorAll('main [role=alert], main [role=status]')) {
          seen.add(f);
          said.push([name(f), lang]);
        }
        warm();
      }
      if (el && el !== title && el !== document.body) said.push(...parts(el));
      speak(said, interrupt);
    };

    say(ctx.current.words.on);
    announce(document.activeElement, false);

    const onFocus = (e: FocusEvent) => announce(e.target as Element, true);
    const onClick = (e: MouseEvent) => {
      const el = (e.target as Element).closest('button');
      if (!el) return;
      // After React has rendered the new state.
      setTimeout(() => {
        if (el.hasAttribute('aria-pressed') && el.isConnected) speak(parts(el), true);
        // A key of the on-screen keypad echoes itself (one character: cached, heard at once);
        // Backspace and OK say what the field holds; a hidden field only how much.
        const field = el.closest('.keypad')?.parentElement?.querySelector('input');
        const key = el.textContent ?? '';
        if (!field) return;
        if (/^[0-9A-Z]$/.test(key) && field.type !== 'password' && field.value) say(key);
        else say(field.value ? spokenValue(field, ctx.current.words) : name(field));
      }, 0);
    };
    // Echo of what the client types on the keypad or a keyboard: the character typed (a
    // short phrase, cached after its first use), what is left after a deletion, and for a
    // hidden field only how many characters it holds.
    const onInput = (e: Event) => {
      const el = e.target;
      // A picker changed with the arrows: its new choice.
      if (el instanceof HTMLSelectElement) return say(el.selectedOptions[0]?.text ?? el.value);
      if (!(el instanceof HTMLInputElement)) return;
      const typed = (e as InputEvent).data;
      if (el.type === 'password' || !typed || (e as InputEvent).inputType.startsWith('delete'))
        say(el.value ? spokenValue(el, ctx.current.words) : name(el));
      else say(spell(typed));
    };
    const observer = new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          const found = [
            ...(n.matches('[role=alert], [role=status]') ? [n] : []),
            ...n.querySelectorAll('[role=alert], [role=status]'),
          ];
          for (const f of found)
            if (!seen.has(f)) {
              seen.add(f);
              queue(name(f));
            }
        }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocus);
    document.addEventListener('click', onClick, true);
    document.addEventListener('input', onInput, true);
    return () => {
      document.removeEventListener('input', onInput, true);
      warming.abort();
      observer.disconnect();
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('click', onClick, true);
      speaker.stop();
    };
  }, [enabled, speaker]);
}
