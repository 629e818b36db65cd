import type { Lang } from '@skr/protocol/domain';
import type { MonitorLine } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { Card } from '../card';
import { TableHead } from '../../ui/table-head';

/** People waiting per service; the longest wait coloured against its target. */
export function LinesTable({ lines }: { lines: MonitorLine[] }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language as Lang) ?? 'pl';
  return (
    <Card id="lines" title={t('monitor.lines')}>
      <table className="mgr-table">
        <TableHead
          columns={[
            t('monitor.service'),
            t('monitor.waiting'),
            t('monitor.longest'),
            t('monitor.target'),
            t('monitor.estimate'),
            t('monitor.booked'),
          ]}
        />
        <tbody>
          {lines.map((l) => (
            <tr key={l.serviceId} data-testid={`line-${l.serviceId}`}>
              <th scope="row">
                <span className="prefix">{l.prefix}</span> {l.names[lang] ?? l.names.pl}
              </th>
              <td>
                {l.waiting}
                {l.priorityWaiting > 0 && ` (${t('monitor.priority')} ${l.priorityWaiting})`}
              </td>
              <td className={`level level-${l.level}`} data-level={l.level}>
                {t('monitor.min', { n: Math.round(l.longestWaitMinutes) })}
                <span className="level-text"> · {t(`monitor.level.${l.level}`)}</span>
              </td>
              <td>{t('monitor.min', { n: l.targetWaitMinutes })}</td>
              <td>{t('monitor.min', { n: l.estimatedWaitMinutes })}</td>
              <td>{l.bookedDue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
