import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '@skr/protocol/calendar';
import { Fact } from '../data-table';
import { formatDate } from '../format';

/** A visit's code, service, day and hour, as the client checks them before changing it. */
export function VisitFacts({ visit, serviceName }: { visit: VisitSummary; serviceName: string }) {
  const { t } = useTranslation();
  const facts: [term: string, value: string, testId?: string][] = [
    ['myVisit.code', visit.code, 'my-visit-code-shown'],
    ['booking.service', serviceName],
    ['booking.day', formatDate(visit.day), 'my-visit-day'],
    ['booking.hour', visit.time, 'my-visit-time'],
  ];
  return (
    <dl className="facts" data-testid="my-visit-facts">
      {facts.map(([term, value, testId]) => (
        <Fact key={term} term={t(term)} testId={testId} focusable={false}>
          {value}
        </Fact>
      ))}
    </dl>
  );
}
