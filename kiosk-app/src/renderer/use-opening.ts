import { useEffect, useState } from 'react';
import type { OpeningHours } from '@skr/protocol/manager';
import type { NotifyChannel } from '@skr/protocol/notify';
import { localClock, zoneOffsetMinutes } from '@skr/protocol/time-zone';
import { api } from './api';
import { kioskClock } from './format';

/** Whether the kiosk's own hours include `at`; `from` equal to `to` means round the clock. */
export function withinKioskHours(hours: OpeningHours, at: Date, timeZone: string): boolean {
  const { day, time } = localClock(at, timeZone);
  if (!hours.days.includes(day)) return false;
  return hours.from === hours.to || (time >= hours.from && time < hours.to);
}

/** What the home shows: the branch closed (tickets hidden), the kiosk itself closed. */
export interface Opening {
  /** True once the branch said it is closed now; unknown (branch unreachable) counts as open. */
  branchClosed: boolean;
  kioskClosed: boolean;
  /** The channels the branch can notify by; none (or not known yet): no "Powiadom mnie". */
  notifyChannels: readonly NotifyChannel[];
}

const CHECK_EVERY_MS = 60_000;

/**
 * Asks the branch whether its counters are open, now and every minute, and checks the kiosk's
 * own hours in the branch's zone. Failing to ask leaves the home as it is (tickets shown):
 * the ticket intake refuses a closed service itself.
 */
export function useOpening(hours: OpeningHours | undefined): Opening {
  const [state, setState] = useState<Opening>({
    branchClosed: false,
    kioskClosed: false,
    notifyChannels: [],
  });
  useEffect(() => {
    let stopped = false;
    const check = () =>
      api
        .call('branchOpening')
        .then((o) => {
          if (stopped) return;
          // Dates on every kiosk screen follow the branch's configured zone and clock.
          const offsetMinutes = zoneOffsetMinutes(o.at, o.timeZone);
          kioskClock.sync({ now: o.at, timeZone: o.timeZone, offsetMinutes });
          const kioskClosed = hours
            ? !withinKioskHours(hours, kioskClock.now(), o.timeZone)
            : false;
          setState({ branchClosed: !o.open, kioskClosed, notifyChannels: o.notifyChannels });
        })
        .catch(() => undefined);
    void check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [hours]);
  return state;
}
