import {
  BOOKING_DAYS_AHEAD,
  dayAfter,
  daysWithFreePlaces,
  type BookingDay,
} from '@skr/protocol/booking-days';
import { api } from './api';
import { BRANCH_ZONE } from './format';

/** The days of the next 30 with free places for a service, each with its free hours. */
export async function freeBookingDays(serviceId: string): Promise<BookingDay[]> {
  const now = new Date();
  const r = await api.call('listCalendarSlots', {
    query: {
      serviceId,
      from: dayAfter(now, 0, BRANCH_ZONE),
      to: dayAfter(now, BOOKING_DAYS_AHEAD, BRANCH_ZONE),
    },
  });
  return daysWithFreePlaces(r.slots);
}
