import { memo } from 'react';
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

/** The calls before the latest one (ticket → counter), newest first. */
export const CallHistory = memo(function CallHistory({
  calls,
  unheard,
  size,
  counterOf,
}: CallHistoryProps) {
  const { t } = useTranslation();
  // Looked up once per render, not once per row: i18next's t() is a good part of a render.
  const to = t('board.to');
  const counterWord = t('board.counter');
  return (
    <section className="history" data-testid="call-history" aria-labelledby="history-title">
      <h2 id="history-title" className="panel-title">
        {t('board.history')}
      </h2>
      <div className="history-head" aria-hidden="true">
        {[0, 1].map((i) => (
          <span key={i}>
            <span>{t('board.ticket')}</span>
            <span>{t('board.counter')}</span>
          </span>
        ))}
      </div>
      <ol className={calls.length > size ? 'history-list dense' : 'history-list'}>
        {calls.map((c) => {
          const counter = counterOf(c.counterId);
          return (
            <li
              key={c.ticketId}
              className={unheard.has(c.ticketId) ? 'unheard' : undefined}
              data-number={c.number}
              data-state={c.state}
              data-seq={c.seq}
              data-unheard={unheard.has(c.ticketId) || undefined}
            >
              <span className="history-number">{c.number}</span>
              <span className="history-arrow" aria-label={to}>
                →
              </span>
              <span
                className="history-counter"
                data-testid="history-counter"
                aria-label={`${counterWord} ${counter.sign}`}
              >
                {counter.sign}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
