import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '@skr/protocol/calendar';
import { formatDate } from '../format';

/** A visit's code, service, day and hour, as the client checks them before changing it. */
export function VisitFacts({ visit, serviceName }: { visit: VisitSummary; serviceName: string }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" data-testid="my-visit-facts">
      <div>
        <dt>{t('myVisit.code')}</dt>
        <dd data-testid="my-visit-code-shown">{visit.code}</dd>
      </div>
      <div>
        <dt>{t('booking.service')}</dt>
        <dd>{serviceName}</dd>
      </div>
      <div>
        <dt>{t('booking.day')}</dt>
        <dd data-testid="my-visit-day">{formatDate(visit.day)}</dd>
      </div>
      <div>
        <dt>{t('booking.hour')}</dt>
        <dd data-testid="my-visit-time">{visit.time}</dd>
      </div>
    </dl>
  );
}
