import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BOOKING_DAYS_AHEAD,
  dayAfter,
  daysWithFreePlaces,
  weekdayName,
  type BookingDay,
} from '@skr/protocol/booking-days';
import type { Lang } from '@skr/protocol/domain';
import type { DeskApi } from '../api/api-client';
import { branchClock } from './branch-time';
import { SelectField } from './select-field';

/** The free days of one service over the next 30 and the day and hour the clerk picked. */
export function useFreeSlots(api: DeskApi, serviceId: string, onError: (e: unknown) => void) {
  const [days, setDays] = useState<BookingDay[] | null>(null);
  const [day, setDay] = useState('');
  const [start, setStart] = useState('');
  const load = async (): Promise<BookingDay[]> => {
    const now = branchClock.now();
    const zone = branchClock.timeZone;
    const slots = await api.slots(
      serviceId,
      dayAfter(now, 0, zone),
      dayAfter(now, BOOKING_DAYS_AHEAD, zone),
    );
    const found = daysWithFreePlaces(slots);
    setDays(found);
    return found;
  };
  useEffect(() => {
    if (!serviceId) return;
    setDays(null);
    setDay('');
    setStart('');
    load().catch(onError);
  }, [serviceId]); // reload only when the service changes
  return {
    days,
    day,
    start,
    hours: days?.find((d) => d.day === day)?.slots ?? [],
    pickDay: (d: string) => {
      setDay(d);
      setStart('');
    },
    pickStart: setStart,
    /** Reloads after a refusal: the picked hour stays only if it is still free. */
    async refresh() {
      const fresh = await load().catch(() => null);
      if (!fresh?.some((d) => d.slots.some((s) => s.start === start))) setStart('');
    },
  };
}
/** The state of {@link useFreeSlots}. */
type FreeSlots = ReturnType<typeof useFreeSlots>;

/** The day and hour selects of a booking at the desk (`testId`-day, `testId`-hour). */
export function SlotSelects({
  slots,
  lang,
  testId,
}: {
  slots: FreeSlots;
  lang: Lang;
  testId: string;
}) {
  const { t } = useTranslation();
  const { days } = slots;
  return (
    <>
      <SelectField
        label={t('followUp.day')}
        value={slots.day}
        options={[
          ['', days === null ? t('followUp.loading') : days.length ? '—' : t('followUp.noDays')],
          ...(days ?? []).map(
            (d) =>
              [
                d.day,
                `${weekdayName(d.day, lang)} ${d.day.split('-').reverse().join('.')} (${t('followUp.free', { count: d.free })})`,
              ] as const,
          ),
        ]}
        onValue={slots.pickDay}
        disabled={!days?.length}
        testId={`${testId}-day`}
      />
      <SelectField
        label={t('followUp.hour')}
        value={slots.start}
        options={[
          ['', '—'],
          ...slots.hours.map(
            (s) => [s.start, `${s.time} (${t('followUp.free', { count: s.free })})`] as const,
          ),
        ]}
        onValue={slots.pickStart}
        disabled={!slots.hours.length}
        testId={`${testId}-hour`}
      />
    </>
  );
}
