import { useTranslation } from 'react-i18next';
import type { CallEntry } from '../board-state';

/** Props of the list of earlier calls. */
export interface CallHistoryProps {
  calls: CallEntry[];
  counterName: (id: number) => string;
}

/** The calls before the latest one (ticket → counter), newest first. */
export function CallHistory({ calls, counterName }: CallHistoryProps) {
  const { t } = useTranslation();
  return (
    <section className="history" data-testid="call-history" aria-labelledby="history-title">
      <h2 id="history-title" className="panel-title">
        {t('board.history')}
      </h2>
      <ol className="history-list">
        {calls.map((c) => (
          <li key={c.ticketId} data-number={c.number} data-state={c.state} data-seq={c.seq}>
            <span className="history-number">{c.number}</span>
            <span className="history-arrow" aria-label={t('board.to')}>
              →
            </span>
            <span className="history-counter">{counterName(c.counterId)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
