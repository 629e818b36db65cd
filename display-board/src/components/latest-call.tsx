import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallEntry } from '../board-state';
import type { ScreenCounter } from '../counter-sign';
import { useBlink } from './use-blink';

/** Props of the big "now calling" panel. */
export interface LatestCallProps {
  call: CallEntry | undefined;
  counter: ScreenCounter | undefined;
  flash: { seq: number; count: number };
}

/**
 * The latest call, large and highlighted. The outer element stays put (tests and the
 * benchmark observe it); so does the inner one, whose blinking restarts with every flash
 * (a recall of the same ticket too) without being remounted.
 */
export const LatestCall = memo(function LatestCall({ call, counter, flash }: LatestCallProps) {
  const { t } = useTranslation();
  // Looked up once per language: i18next's t() is a good part of a call's render.
  const words = useMemo(
    () => ({
      latest: t('board.latest'),
      ticket: t('board.ticket'),
      counter: t('board.counter'),
      none: t('board.noCalls'),
    }),
    [t],
  );
  const flashing = call !== undefined && flash.seq === call.seq;
  const sign = counter?.sign ?? '';
  const box = useRef<HTMLDivElement>(null);
  useBlink(box, flashing ? flash.count : null);
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
        {words.latest}
      </h2>
      {call ? (
        <div ref={box} className={flashing ? 'latest-call flash' : 'latest-call'}>
          <span className="latest-number" aria-label={`${words.ticket} ${call.number}`}>
            {call.number}
          </span>
          <span className="latest-arrow" aria-hidden="true">
            →
          </span>
          <span
            className="latest-counter"
            data-testid="latest-counter"
            aria-label={`${words.counter} ${sign}`}
          >
            <span className="counter-label" aria-hidden="true">
              {words.counter}
            </span>
            <span className="counter-no" aria-hidden="true">
              {sign}
            </span>
          </span>
        </div>
      ) : (
        <p className="latest-empty">{words.none}</p>
      )}
    </section>
  );
});
