import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallEntry } from '../board-state';
import type { ScreenCounter } from '../counter-sign';

/** Props of the list of earlier calls. */
export interface CallHistoryProps {
  /** The calls to list, newest first (without the one in the big panel). */
  calls: CallEntry[];
  /** Tickets not announced yet: marked as coming up. */
  unheard: ReadonlySet<string>;
  /** The configured length; a burst may list more (drawn smaller) rather than hide a call. */
  size: number;
  counterOf: (counterId: number) => ScreenCounter;
}

/** The catalogue's words a row needs, looked up once per language rather than once per row. */
interface RowWords {
  to: string;
  counter: string;
}

interface RowProps {
  number: string;
  seq: number;
  sign: string;
  unheard: boolean;
  words: RowWords;
}

/**
 * One earlier call. Memoised on plain values: a new call renders its own row, the rows below
 * it are moved by React without being rendered again.
 */
const HistoryRow = memo(function HistoryRow({ number, seq, sign, unheard, words }: RowProps) {
  return (
    <li
      className={unheard ? 'unheard' : undefined}
      data-number={number}
      data-seq={seq}
      data-unheard={unheard || undefined}
    >
      <span className="history-number">{number}</span>
      <span className="history-arrow" aria-label={words.to}>
        →
      </span>
      <span
        className="history-counter"
        data-testid="history-counter"
        aria-label={`${words.counter} ${sign}`}
      >
        {sign}
      </span>
    </li>
  );
});

/** The calls before the latest one (ticket → counter), newest first. */
export const CallHistory = memo(function CallHistory({
  calls,
  unheard,
  size,
  counterOf,
}: CallHistoryProps) {
  const { t } = useTranslation();
  // i18next's t() is a good part of a render: the words change only with the language.
  const words = useMemo(
    () => ({
      history: t('board.history'),
      ticket: t('board.ticket'),
      row: { to: t('board.to'), counter: t('board.counter') },
    }),
    [t],
  );
  return (
    <section className="history" data-testid="call-history" aria-labelledby="history-title">
      <h2 id="history-title" className="panel-title">
        {words.history}
      </h2>
      <div className="history-head" aria-hidden="true">
        {[0, 1].map((i) => (
          <span key={i}>
            <span>{words.ticket}</span>
            <span>{words.row.counter}</span>
          </span>
        ))}
      </div>
      <ol className={calls.length > size ? 'history-list dense' : 'history-list'}>
        {calls.map((c) => (
          <HistoryRow
            key={c.ticketId}
            number={c.number}
            seq={c.seq}
            sign={counterOf(c.counterId).sign}
            unheard={unheard.has(c.ticketId)}
            words={words.row}
          />
        ))}
      </ol>
    </section>
  );
});
