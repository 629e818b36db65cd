import { useLayoutEffect, type RefObject } from 'react';

/** Half a blink: on for this long, then dimmed for as long (one blink a second). */
const HALF_MS = 500;
/** Blinks per flash (one when the screen asks for reduced motion). */
const BLINKS = 3;

/**
 * Blinks `ref`'s element (`data-dim` on and off, every half second, three times) each time
 * `flash` changes to a number; null stops it. Timers rather than a CSS animation: a running
 * animation, even in steps, makes the compositor produce a frame every vsync for its whole
 * length (measured: ~360 begin-frames in 6 s on one screen, and the display compositor ticking
 * with it), which on ten software-rendered screens took the CPU the next call needed. Six
 * attribute changes are six cheap frames. The attribute is the DOM's, not React's, so a render
 * in between never resets it, and a blink costs no render.
 */
export function useBlink(ref: RefObject<HTMLElement | null>, flash: number | null): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || flash === null) return;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const steps = (reduced ? 1 : BLINKS) * 2;
    const timers: ReturnType<typeof setTimeout>[] = [];
    for (let i = 1; i <= steps; i++) {
      timers.push(setTimeout(() => el.toggleAttribute('data-dim', i % 2 === 1), i * HALF_MS));
    }
    return () => {
      for (const t of timers) clearTimeout(t);
      el.removeAttribute('data-dim');
    };
  }, [ref, flash]);
}
