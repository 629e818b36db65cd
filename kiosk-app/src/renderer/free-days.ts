import {
  BOOKING_DAYS_AHEAD,
  dayAfter,
  daysWithFreePlaces,
  type BookingDay,
} from '@skr/protocol/booking-days';
import { api } from './api';
import { kioskClock } from './format';

/** The days of the next 30 with free places for a service, each with its free hours. */
export async function freeBookingDays(serviceId: string): Promise<BookingDay[]> {
  const now = kioskClock.now();
  const r = await api.call('listCalendarSlots', {
    query: {
      serviceId,
      from: dayAfter(now, 0, kioskClock.timeZone),
      to: dayAfter(now, BOOKING_DAYS_AHEAD, kioskClock.timeZone),
    },
  });
  return daysWithFreePlaces(r.slots);
}
