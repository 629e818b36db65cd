import type { Lang } from '@skr/protocol/domain';
import type { MonitorLine } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { TableCard } from '../table-card';

const COLUMNS = ['service', 'waiting', 'longest', 'target', 'estimate', 'booked'] as const;

/** People waiting per service; the longest wait coloured against its target. */
export function LinesTable({ lines }: { lines: MonitorLine[] }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language as Lang) ?? 'pl';
  return (
    <TableCard
      id="lines"
      title={t('monitor.lines')}
      columns={COLUMNS.map((c) => t(`monitor.${c}`))}
      rows={lines.map((l) => (
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
    />
  );
}
