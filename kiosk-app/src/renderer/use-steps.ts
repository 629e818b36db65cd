import { useState } from 'react';

/**
 * The steps of a flow shown on one screen. `go` shows a step and gives its heading the focus
 * (each step is a new screen to speech mode and the keypad); `back` goes to the step named in
 * `previous`, or leaves the flow with `onLeave` where there is none.
 */
export function useSteps<S extends string>(
  first: S,
  previous: Record<S, S | null>,
  onLeave: () => void,
) {
  const [step, setStep] = useState<S>(first);
  const go = (next: S) => {
    setStep(next);
    requestAnimationFrame(() => document.getElementById('screen-title')?.focus());
  };
  const back = () => {
    const prev = previous[step];
    if (prev) go(prev);
    else onLeave();
  };
  return { step, go, back };
}
