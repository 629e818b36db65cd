import { useState } from 'react';
import type { BookingDay } from '@skr/protocol/booking-days';
import { freeBookingDays } from './free-days';

/**
 * The days with free places for a service (null until loaded) and the day chosen among them,
 * as the booking flow and "Moja wizyta" pick a slot.
 */
export function useBookingDays() {
  const [days, setDays] = useState<BookingDay[] | null>(null);
  const [day, setDay] = useState<BookingDay | null>(null);
  const load = async (serviceId: string) => {
    const found = await freeBookingDays(serviceId);
    setDays(found);
    return found;
  };
  /** After a refused slot (it may have gone meanwhile): the chosen day as it is now, or null. */
  const reloadDay = async (serviceId: string) => {
    const fresh = await load(serviceId).catch(() => null);
    const sameDay = fresh?.find((d) => d.day === day?.day) ?? null;
    setDay(sameDay);
    return sameDay;
  };
  /**
   * Books or moves a visit with `place`. When the branch refuses (the slot may have gone
   * meanwhile) it shows the chosen day's hours as they are now, or the days if none are left,
   * and rethrows for the screen to show why.
   */
  const placeOrRefresh = async <R>(
    serviceId: string,
    place: () => Promise<R>,
    show: (step: 'hour' | 'day') => void,
  ): Promise<R> => {
    try {
      return await place();
    } catch (e) {
      show((await reloadDay(serviceId)) ? 'hour' : 'day');
      throw e;
    }
  };
  return { days, setDays, day, setDay, load, placeOrRefresh };
}
