import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallEntry } from '../board-state';
import type { ScreenCounter } from '../counter-sign';

/** Props of the big "now calling" panel. */
export interface LatestCallProps {
  call: CallEntry | undefined;
  counter: ScreenCounter | undefined;
  flash: { seq: number; count: number };
}

/**
 * The latest call, large and highlighted. The outer element stays put (tests and the
 * benchmark observe it); the inner one is re-keyed on every flash so the CSS animation
 * restarts for a recall of the same ticket.
 */
export const LatestCall = memo(function LatestCall({ call, counter, flash }: LatestCallProps) {
  const { t } = useTranslation();
  const flashing = call !== undefined && flash.seq === call.seq;
  const sign = counter?.sign ?? '';
  return (
    <section
      className="latest"
      data-testid="latest-call"
      data-seq={call?.seq ?? 0}
      data-number={call?.number ?? ''}
      data-flashes={flash.count}
      aria-live="assertive"
      aria-atomic="true"
      aria-labelledby="latest-title"
    >
      <h2 id="latest-title" className="panel-title">
        {t('board.latest')}
      </h2>
      {call ? (
        <div
          key={flashing ? `flash-${flash.count}` : `seq-${call.seq}`}
          className={flashing ? 'latest-call flash' : 'latest-call'}
        >
          <span className="latest-number" aria-label={`${t('board.ticket')} ${call.number}`}>
            {call.number}
          </span>
          <span className="latest-arrow" aria-hidden="true">
            →
          </span>
          <span
            className="latest-counter"
            data-testid="latest-counter"
            aria-label={`${t('board.counter')} ${sign}`}
          >
            <span className="counter-label" aria-hidden="true">
              {t('board.counter')}
            </span>
            <span className="counter-no" aria-hidden="true">
              {sign}
            </span>
          </span>
        </div>
      ) : (
        <p className="latest-empty">{t('board.noCalls')}</p>
      )}
    </section>
  );
});
