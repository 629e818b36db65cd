import type { DaySlot, PublicHolidayId } from '@skr/protocol/calendar';
import { useTranslation } from 'react-i18next';
import type { CalendarNames } from './names';

/** Props of {@link DayView}. */
interface DayViewProps {
  day: string;
  onDay: (day: string) => void;
  slots: DaySlot[] | null;
  /** The statutory holiday that closes the day, or null. */
  holiday: PublicHolidayId | null;
  names: CalendarNames;
}

/** One day's slots: counters kept for walk-ins, and per service the visits booked of its places. */
export function DayView({ day, onDay, slots, holiday, names }: DayViewProps) {
  const { t } = useTranslation();
  const serviceIds = [...new Set((slots ?? []).flatMap((s) => s.services.map((x) => x.serviceId)))];
  return (
    <section className="mgr-card cal-day" aria-labelledby="cal-day-h" data-testid="calendar-day">
      <div className="mgr-card-head">
        <h2 id="cal-day-h">{t('calendar.dayView')}</h2>
        <label>
          {t('calendar.day')}{' '}
          <input
            type="date"
            value={day}
            onChange={(e) => e.target.value && onDay(e.target.value)}
          />
        </label>
      </div>
      {holiday !== null && (
        <p className="cal-holiday" data-testid="calendar-holiday">
          {t('calendar.publicHoliday', { name: t(`calendar.holidays.${holiday}`) })}
        </p>
      )}
      {holiday === null && slots !== null && slots.length === 0 && <p>{t('calendar.noSlots')}</p>}
      {slots !== null && slots.length > 0 && (
        <div className="mgr-scroll">
          <table className="mgr-table">
            <caption className="sr-only">{t('calendar.dayCaption', { day })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.hour')}</th>
                <th scope="col">{t('calendar.walkIn')}</th>
                <th scope="col">{t('calendar.branchPortal')}</th>
                {serviceIds.map((id) => (
                  <th scope="col" key={id}>
                    {names.service(id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {slots.map((s) => (
                <tr key={s.start} data-testid={`slot-${s.time}`}>
                  <th scope="row">{s.time}</th>
                  <td>{s.walkIn}</td>
                  <td>
                    {s.branch} / {s.portal}
                  </td>
                  {serviceIds.map((id) => {
                    const load = s.services.find((x) => x.serviceId === id);
                    if (!load) return <td key={id}>—</td>;
                    const full = load.capacity > 0 && load.booked >= load.capacity;
                    return (
                      <td key={id} data-testid={`load-${id}`} className={full ? 'cal-full' : ''}>
                        {t('calendar.bookedOf', { booked: load.booked, capacity: load.capacity })}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
