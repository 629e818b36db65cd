import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayName, type BookingDay } from '@skr/protocol/booking-days';
import type { SlotAvailability } from '@skr/protocol/calendar';
import type { Lang } from '@skr/protocol/domain';
import { formatDate } from '../format';
import type { useBookingDays } from '../use-booking-days';

/** One choice of a grid: an optional first line, a big line, a small line, its test id. */
interface Choice {
  key: string;
  /** Above the big line (a day's weekday). */
  lead?: string;
  main: string;
  sub: string;
  testId: string;
  pick: () => void;
}

/** A grid of small choices (days or hours), each a button the keypad can reach. */
function ChoiceGrid({ label, choices }: { label: string; choices: Choice[] }) {
  return (
    <div className="slot-grid" role="group" aria-label={label}>
      {choices.map((c) => (
        <button
          key={c.key}
          type="button"
          className="small slot"
          onClick={c.pick}
          data-testid={c.testId}
        >
          {c.lead && <span className="slot-lead">{c.lead}</span>}
          <span className="slot-main">{c.main}</span>
          <span className="slot-sub">{c.sub}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * Day tiles per page: 12 fit a portrait panel in large text (two columns of six) and every
 * other mode; a month of tiles ran 1,200 px below the panel's edge in large text, and a kiosk
 * shows no scroll bar. A weekday plan's first page is its next two and a half weeks.
 */
const DAYS_PER_PAGE = 12;

/** "Earlier days" / "Later days" under a paged grid, and which page is shown. */
function PageNav(props: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const { page, pages } = props;
  return (
    <div className="page-nav">
      {page > 0 && (
        <button
          type="button"
          className="small earlier"
          onClick={() => props.onPage(page - 1)}
          data-testid="booking-days-earlier"
        >
          {t('booking.earlierDays')}
        </button>
      )}
      <p role="status" data-testid="booking-days-page">
        {t('booking.page', { page: page + 1, pages })}
      </p>
      {page < pages - 1 && (
        <button
          type="button"
          className="small later"
          onClick={() => props.onPage(page + 1)}
          data-testid="booking-days-later"
        >
          {t('booking.laterDays')}
        </button>
      )}
    </div>
  );
}

/**
 * The days with free places, or why there are none. Each tile reads in three lines — weekday,
 * date, free places — so none of them has to share a line in a tile a pensioner can read.
 */
function BookingDays(props: { days: BookingDay[]; lang: Lang; onPick: (d: BookingDay) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  if (!props.days.length)
    return (
      <p className="status warn" role="status" data-testid="booking-no-days">
        {t('booking.noDays')}
      </p>
    );
  const pages = Math.ceil(props.days.length / DAYS_PER_PAGE);
  const shown = Math.min(page, pages - 1);
  const onPage = props.days.slice(shown * DAYS_PER_PAGE, (shown + 1) * DAYS_PER_PAGE);
  const choices = onPage.map((d) => ({
    key: d.day,
    lead: weekdayName(d.day, props.lang),
    main: formatDate(d.day),
    sub: t('booking.free', { count: d.free }),
    testId: `booking-day-${d.day}`,
    pick: () => props.onPick(d),
  }));
  return (
    <>
      <ChoiceGrid label={t('booking.dayTitle')} choices={choices} />
      {pages > 1 && <PageNav page={shown} pages={pages} onPage={setPage} />}
    </>
  );
}

/** The free hours of one day. */
function BookingHours(props: { slots: SlotAvailability[]; onPick: (s: SlotAvailability) => void }) {
  const { t } = useTranslation();
  const choices = props.slots.map((s) => ({
    key: s.start,
    main: s.time,
    sub: t('booking.free', { count: s.free }),
    testId: `booking-hour-${s.time}`,
    pick: () => props.onPick(s),
  }));
  return <ChoiceGrid label={t('booking.hourTitle')} choices={choices} />;
}

/** The day step, then the hour step, of choosing a slot (booking, and moving a visit). */
export function SlotSteps(props: {
  step: string;
  /** The days loaded and the day chosen ({@link useBookingDays}); a pick sets the day. */
  slots: Pick<ReturnType<typeof useBookingDays>, 'days' | 'day' | 'setDay'>;
  lang: Lang;
  /** After a day is picked: the screen moves on to its hours. */
  onDay: () => void;
  onSlot: (s: SlotAvailability) => void;
}) {
  const { days, day, setDay } = props.slots;
  const pickDay = (d: BookingDay) => {
    setDay(d);
    props.onDay();
  };
  if (props.step === 'day' && days)
    return <BookingDays days={days} lang={props.lang} onPick={pickDay} />;
  if (props.step === 'hour' && day) return <BookingHours slots={day.slots} onPick={props.onSlot} />;
  return null;
}
