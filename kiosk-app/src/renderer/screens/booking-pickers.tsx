import { useTranslation } from 'react-i18next';
import { weekdayName, type BookingDay } from '@skr/protocol/booking-days';
import type { SlotAvailability } from '@skr/protocol/calendar';
import type { Lang } from '@skr/protocol/domain';
import { formatDate } from '../format';

/** The days with free places, one button each (weekday, date, free places). */
export function BookingDays(props: {
  days: BookingDay[];
  lang: Lang;
  onPick: (d: BookingDay) => void;
}) {
  const { t } = useTranslation();
  if (!props.days.length)
    return (
      <p className="status warn" role="status" data-testid="booking-no-days">
        {t('booking.noDays')}
      </p>
    );
  return (
    <div className="slot-grid" role="group" aria-label={t('booking.dayTitle')}>
      {props.days.map((d) => (
        <button
          key={d.day}
          type="button"
          className="small slot"
          onClick={() => props.onPick(d)}
          data-testid={`booking-day-${d.day}`}
        >
          <span className="slot-main">{formatDate(d.day)}</span>
          <span className="slot-sub">
            {weekdayName(d.day, props.lang)} · {t('booking.free', { count: d.free })}
          </span>
        </button>
      ))}
    </div>
  );
}

/** The free hours of one day. */
export function BookingHours(props: {
  slots: SlotAvailability[];
  onPick: (s: SlotAvailability) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="slot-grid" role="group" aria-label={t('booking.hourTitle')}>
      {props.slots.map((s) => (
        <button
          key={s.start}
          type="button"
          className="small slot"
          onClick={() => props.onPick(s)}
          data-testid={`booking-hour-${s.time}`}
        >
          <span className="slot-main">{s.time}</span>
          <span className="slot-sub">{t('booking.free', { count: s.free })}</span>
        </button>
      ))}
    </div>
  );
}
