import { useLayoutEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayName, type BookingDay } from '@skr/protocol/booking-days';
import type { SlotAvailability } from '@skr/protocol/calendar';
import type { Lang } from '@skr/protocol/domain';
import { formatDate } from '../format';
import type { useBookingDays } from '../use-booking-days';
import { useTilesThatFit } from '../use-tiles-that-fit';

/** One choice of a grid: an optional first line, a big line, a small line, its test id. */
interface Choice {
  /** Names the choice, in the grid's order (a day "2026-12-03", a time "10:30"). */
  key: string;
  /** Above the big line (a day's weekday). */
  lead?: string;
  main: string;
  sub: string;
  testId: string;
  pick: () => void;
}

/** A grid of small choices (days or hours), each a button the keypad can reach. */
function ChoiceGrid(props: { label: string; choices: Choice[]; ref?: Ref<HTMLDivElement> }) {
  return (
    <div className="slot-grid" role="group" aria-label={props.label} ref={props.ref}>
      {props.choices.map((c) => (
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
 * Day tiles per page at most: 12 fit a portrait panel in large text (two columns of six); a month
 * of tiles ran 1,200 px below the panel's edge in large text, and a kiosk shows no scroll bar. A
 * weekday plan's first page is its next two and a half weeks. Fewer where fewer fit
 * (1280×1024 in large text: 12 ran ~470 px below the edge).
 */
const DAYS_PER_PAGE = 12;

/**
 * Hour tiles per page at most (fewer where fewer fit, e.g. under a refusal): 8, four rows of two
 * in large text on a 1280×1024 panel, the tightest (measured: 476 px under the day's line and
 * above the page line and "Back", rows 115 px apart; portrait takes 20, landscape 16). A day of
 * half-hour visits 08:00–16:00 is two pages, a morning and an afternoon. Unpaged, its 32 quarter
 * hours ran ~450 px below a portrait panel in large text and ~1,270 px below a 1280×1024 one.
 */
const HOURS_PER_PAGE = 8;

/**
 * A paged grid of days or of hours: its label and the page line's words (i18n keys), the prefix
 * of the page line's test ids (`<prefix>-earlier`, `<prefix>-page`, `<prefix>-later`), and its
 * tiles per page at most.
 */
interface Paging {
  label: string;
  earlier: string;
  later: string;
  testId: string;
  perPage: number;
}

/** The day grid and the hour grid, which differ only in these. */
const PAGING = {
  days: {
    label: 'booking.dayTitle',
    earlier: 'booking.earlierDays',
    later: 'booking.laterDays',
    testId: 'booking-days',
    perPage: DAYS_PER_PAGE,
  },
  hours: {
    label: 'booking.hourTitle',
    earlier: 'booking.earlierHours',
    later: 'booking.laterHours',
    testId: 'booking-hours',
    perPage: HOURS_PER_PAGE,
  },
} as const satisfies Record<string, Paging>;

/**
 * "Earlier days" / "Later days" (or times) under a paged grid, and which page is shown.
 * `byKeypad` says the button was pressed with the keypad (Enter or 5: a click without a pointer).
 */
function PageNav(props: {
  page: number;
  pages: number;
  paging: Paging;
  onPage: (page: number, byKeypad: boolean) => void;
}) {
  const { t } = useTranslation();
  const { page, pages, paging } = props;
  return (
    <div className="page-nav">
      {page > 0 && (
        <button
          type="button"
          className="small earlier"
          onClick={(e) => props.onPage(page - 1, e.detail === 0)}
          data-testid={`${paging.testId}-earlier`}
        >
          {t(paging.earlier)}
        </button>
      )}
      {/* A new node per page: speech mode reads a status when it appears, not when it changes. */}
      <p role="status" key={page} data-testid={`${paging.testId}-page`}>
        {t('booking.page', { page: page + 1, pages })}
      </p>
      {page < pages - 1 && (
        <button
          type="button"
          className="small later"
          onClick={(e) => props.onPage(page + 1, e.detail === 0)}
          data-testid={`${paging.testId}-later`}
        >
          {t(paging.later)}
        </button>
      )}
    </div>
  );
}

/**
 * `choices` a page at a time, opening on the page of the choice whose key is `chosen` (the day or
 * hour chosen before, so "Back" and a refusal return to it; the next one if it is gone). A page
 * holds what fits the panel, at most `paging.perPage` ({@link useTilesThatFit}); as that changes
 * (large text, a refusal above the grid) the page shown is still the one holding its first tile.
 * Turned with the keypad, the page puts the focus on its first choice, which speech mode reads,
 * then the new page line; a keypad client was left on "Later", with the new tiles behind them, or
 * on nothing once "Later" was gone. A touch turns the page and leaves the focus where the finger
 * was.
 */
function PagedChoices(props: { paging: Paging; choices: Choice[]; chosen?: string }) {
  const { t } = useTranslation();
  const { paging } = props;
  const grid = useRef<HTMLDivElement>(null);
  const perPage = useTilesThatFit(grid, paging.perPage);
  // The page is kept as a tile, not a number: a page number means other tiles once fewer fit.
  const [first, setFirst] = useState(() => Math.max(0, indexFrom(props.choices, props.chosen)));
  const focusFirst = useRef(false);
  const pages = Math.ceil(props.choices.length / perPage);
  const shown = Math.min(Math.floor(first / perPage), pages - 1);
  useLayoutEffect(() => {
    if (!focusFirst.current) return;
    focusFirst.current = false;
    grid.current?.querySelector('button')?.focus();
  }, [shown]);
  const turn = (to: number, byKeypad: boolean) => {
    focusFirst.current = byKeypad;
    setFirst(to * perPage);
  };
  return (
    <>
      <ChoiceGrid
        label={t(paging.label)}
        choices={props.choices.slice(shown * perPage, (shown + 1) * perPage)}
        ref={grid}
      />
      {pages > 1 && <PageNav page={shown} pages={pages} paging={paging} onPage={turn} />}
    </>
  );
}

/** The index of the first of `sorted` at or after key `chosen` (the last one when all are before). */
function indexFrom(sorted: Choice[], chosen: string | undefined): number {
  if (chosen === undefined) return 0;
  const i = sorted.findIndex((c) => c.key >= chosen);
  return i === -1 ? sorted.length - 1 : i;
}

/**
 * The days with free places, or why there are none. Each tile reads in three lines — weekday,
 * date, free places — so none of them has to share a line in a tile a pensioner can read.
 */
function BookingDays(props: {
  days: BookingDay[];
  lang: Lang;
  /** The day chosen before ("2026-12-03"). */
  chosen?: string;
  onPick: (d: BookingDay) => void;
}) {
  const { t } = useTranslation();
  if (!props.days.length)
    return (
      <p className="status warn" role="status" data-testid="booking-no-days">
        {t('booking.noDays')}
      </p>
    );
  const choices = props.days.map((d) => ({
    key: d.day,
    lead: weekdayName(d.day, props.lang),
    main: formatDate(d.day),
    sub: t('booking.free', { count: d.free }),
    testId: `booking-day-${d.day}`,
    pick: () => props.onPick(d),
  }));
  return <PagedChoices paging={PAGING.days} choices={choices} chosen={props.chosen} />;
}

/** The free hours of one day, a page at a time. */
function BookingHours(props: {
  slots: SlotAvailability[];
  /** The time chosen before ("10:30"). */
  chosen?: string;
  onPick: (s: SlotAvailability) => void;
}) {
  const { t } = useTranslation();
  const choices = props.slots.map((s) => ({
    key: s.time,
    main: s.time,
    sub: t('booking.free', { count: s.free }),
    testId: `booking-hour-${s.time}`,
    pick: () => props.onPick(s),
  }));
  return <PagedChoices paging={PAGING.hours} choices={choices} chosen={props.chosen} />;
}

/** The day step, then the hour step, of choosing a slot (booking, and moving a visit). */
export function SlotSteps(props: {
  step: string;
  /** The days loaded and the day chosen ({@link useBookingDays}); a pick sets the day. */
  slots: Pick<ReturnType<typeof useBookingDays>, 'days' | 'day' | 'setDay'>;
  lang: Lang;
  /** The slot chosen before: its day's hours open on its page (or where it was, if gone). */
  chosen?: SlotAvailability | null;
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
    return <BookingDays days={days} lang={props.lang} chosen={day?.day} onPick={pickDay} />;
  if (props.step === 'hour' && day)
    return (
      <BookingHours
        slots={day.slots}
        chosen={props.chosen?.day === day.day ? props.chosen.time : undefined}
        onPick={props.onSlot}
      />
    );
  return null;
}
