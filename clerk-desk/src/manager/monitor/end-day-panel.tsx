import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerApi } from '../api';
import { Card } from '../card';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from './use-busy-call';

type EndDayResult = Awaited<ReturnType<ManagerApi['endDay']>>;

/**
 * The manager's "end the day now" (issue 12), e.g. for an early closing: asks once more, since
 * the clients still waiting will not be served, then shows what the server closed and resolved.
 */
export function EndDayPanel(props: { api: ManagerApi }) {
  const { t } = useTranslation();
  const { busy, error, call } = useBusyCall();
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<EndDayResult | null>(null);
  const end = () =>
    call(async () => {
      setResult(await props.api.endDay());
      setAsking(false);
    });
  return (
    <Card id="end-day" title={t('monitor.endDay.title')} testId="end-day">
      <p>{t('monitor.endDay.hint')}</p>
      <ErrorAlert error={error} />
      {result && (
        <p role="status" data-testid="end-day-result">
          {t('monitor.endDay.done', {
            counters: result.closedCounters,
            tickets: result.resolvedTickets,
          })}
        </p>
      )}
      {asking ? (
        <div role="group" aria-label={t('monitor.endDay.confirm')}>
          <p>
            <strong>{t('monitor.endDay.confirm')}</strong>
          </p>
          <button type="button" disabled={busy} onClick={() => void end()}>
            {t('monitor.endDay.yes')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setAsking(false)}>
            {t('monitor.endDay.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            setResult(null);
            setAsking(true);
          }}
        >
          {t('monitor.endDay.start')}
        </button>
      )}
    </Card>
  );
}
