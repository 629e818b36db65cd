import { z } from 'zod';

/**
 * The branch's clock as the server sends it in every socket handshake (`branch:time`): screens,
 * desks and manager views show this time in this zone, never the PC's own clock or zone.
 */
export const BranchTime = z.object({
  /** The server's clock when it sent this (ISO instant). */
  now: z.string(),
  /** The branch's IANA time zone, e.g. "Europe/Warsaw". */
  timeZone: z.string().min(1),
  /** Minutes the zone is ahead of UTC at `now` (60 in a Warsaw winter, 120 in summer). */
  offsetMinutes: z.number().int(),
});
export type BranchTime = z.infer<typeof BranchTime>;

/**
 * Until the first handshake a page formats in this zone rather than the PC's: every ZUS
 * branch is in Poland, and a PC set to UTC must not show an hour off even for a moment.
 */
export const FALLBACK_BRANCH_ZONE = 'Europe/Warsaw';

/** Options of `format` (a subset of Intl.DateTimeFormatOptions; the zone is the branch's). */
export type BranchFormat = Omit<Intl.DateTimeFormatOptions, 'timeZone'>;

/**
 * The branch's clock on a page: the offset between the server's clock and the PC's (taken from
 * each `branch:time` or snapshot sample) and the branch's zone. A small store (`subscribe`) so
 * a React page can re-render when the zone first arrives.
 */
export function createBranchClock(localNow: () => number = () => Date.now()) {
  let skewMs = 0;
  let zone = FALLBACK_BRANCH_ZONE;
  let synced = false;
  const listeners = new Set<() => void>();
  const formats = new Map<string, Intl.DateTimeFormat>();

  function formatter(lang: string, opts: BranchFormat): Intl.DateTimeFormat {
    const key = `${zone}|${lang}|${JSON.stringify(opts)}`;
    let f = formats.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(lang, { ...opts, timeZone: zone });
      formats.set(key, f);
    }
    return f;
  }

  const clock = {
    /** Takes a sample of the server's clock seen at local time `receivedAt` (default: now). */
    sync(t: BranchTime, receivedAt = localNow()): void {
      const server = Date.parse(t.now);
      if (Number.isNaN(server)) return;
      const zoneChanged = t.timeZone !== zone && isKnownZone(t.timeZone);
      skewMs = server - receivedAt;
      if (zoneChanged) zone = t.timeZone;
      const first = !synced;
      synced = true;
      if (zoneChanged || first) for (const l of listeners) l();
    },
    /** Re-times the clock from a server instant (e.g. a snapshot's `at`) seen at `receivedAt`. */
    syncInstant(serverIso: string, receivedAt = localNow()): void {
      const server = Date.parse(serverIso);
      if (!Number.isNaN(server)) skewMs = server - receivedAt;
    },
    /** The server's current time (the PC's clock corrected by the last sample). */
    now(): Date {
      return new Date(localNow() + skewMs);
    },
    /** Server minus PC, in ms (positive when the PC is behind). */
    get skewMs(): number {
      return skewMs;
    },
    /** The branch's IANA zone (the fallback until the first sample). */
    get timeZone(): string {
      return zone;
    },
    /** True once the server has sent its time. */
    get synced(): boolean {
      return synced;
    },
    /** Formats an instant on the branch's wall clock in the page's language. */
    format(at: Date | string | number, lang: string, opts: BranchFormat): string {
      return formatter(lang, opts).format(new Date(at));
    },
    /** "12:05": hours and minutes on the branch's clock. */
    time(at: Date | string | number, lang: string): string {
      return clock.format(at, lang, { hour: '2-digit', minute: '2-digit' });
    },
    /** The branch's calendar day "YYYY-MM-DD" of an instant (default: now). */
    day(at: Date | string | number = clock.now()): string {
      // en-CA formats dates as YYYY-MM-DD.
      return clock.format(at, 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    },
    /** Calls `l` when the zone changes or the first sample arrives; returns the unsubscribe. */
    subscribe(l: () => void): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return clock;
}
/** A page's view of the branch clock. */
export type BranchClock = ReturnType<typeof createBranchClock>;

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
