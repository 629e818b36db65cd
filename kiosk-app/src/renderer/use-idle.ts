import { useEffect, useRef, useState } from 'react';

/**
 * Counts down `seconds` from the last touch, key or pointer move and calls `onTimeout` at 0.
 * Returns the seconds left, for the visible countdown.
 */
export function useIdleCountdown(seconds: number, onTimeout: () => void, active = true): number {
  const [left, setLeft] = useState(seconds);
  const last = useRef(Date.now());
  const fire = useRef(onTimeout);
  fire.current = onTimeout;
  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    setLeft(seconds);
    const touch = () => {
      last.current = Date.now();
      setLeft(seconds);
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - last.current) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        fire.current();
      }
    }, 250);
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
    };
  }, [seconds, active]);
  return left;
}
