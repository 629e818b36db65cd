import { useEffect, useRef } from 'react';

/** Where the kiosk host streams headphone plug events (speech-route.ts). */
const HEADPHONES_EVENTS = '/speech/headphones';

/** An audio output that is headphones, by the name the system gives it. */
function isHeadphones(d: Pick<MediaDeviceInfo, 'kind' | 'label'>): boolean {
  return d.kind === 'audiooutput' && /head(phone|set)|słuchawk|навушник/i.test(d.label);
}

/**
 * Calls `onChange(true)` when headphones are plugged in and `onChange(false)` when pulled,
 * from whichever source the hardware has: the kiosk host's jack events (Linux input switch),
 * or Chromium's list of audio outputs (systems that show headphones as their own output).
 * Only changes count: headphones left plugged in do not start speech for the next client.
 */
export function useHeadphones(onChange: (plugged: boolean) => void): void {
  const cb = useRef(onChange);
  cb.current = onChange;
  useEffect(() => {
    // A host without a jack answers 404 and EventSource stops trying.
    const events = typeof EventSource === 'undefined' ? null : new EventSource(HEADPHONES_EVENTS);
    if (events)
      events.onmessage = (e: MessageEvent<string>) => {
        const d = JSON.parse(e.data) as { plugged?: unknown };
        if (typeof d.plugged === 'boolean') cb.current(d.plugged);
      };
    // Absent outside a secure context (the kiosk page is on 127.0.0.1, which is one).
    const media = navigator.mediaDevices as MediaDevices | undefined;
    let had: boolean | null = null;
    let stopped = false;
    const look = async () => {
      const has = (await media!.enumerateDevices().catch(() => [])).some(isHeadphones);
      if (stopped) return;
      if (had !== null && has !== had) cb.current(has);
      had = has;
    };
    if (media) void look();
    media?.addEventListener('devicechange', look);
    return () => {
      stopped = true;
      events?.close();
      media?.removeEventListener('devicechange', look);
    };
  }, []);
}
