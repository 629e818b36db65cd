import type { Service } from '@skr/protocol/domain';
import type { LineSummary } from '@skr/protocol/http';
import { useTranslation } from 'react-i18next';
import { TableHead } from './table-head';

interface Props {
  lines: LineSummary[];
  /** Services by id: names, and the target wait a longest wait is flagged against. */
  services: Map<string, Service>;
}

/** The lines this counter serves: how many wait, the longest wait, booked visits due. */
export function LinesPanel({ lines, services }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as 'pl' | 'en' | 'uk';
  const total = lines.reduce((n, l) => n + l.waiting, 0);
  return (
    <section className="card lines" aria-labelledby="lines-h" data-testid="lines">
      <h2 id="lines-h">
        {t('lines.heading')}
        <span className="total" data-testid="lines-total">
          {t('lines.total', { count: total })}
        </span>
      </h2>
      {lines.length === 0 ? (
        <p>{t('lines.none')}</p>
      ) : (
        <table>
          <TableHead
            columns={[
              t('lines.service'),
              { label: t('lines.waiting'), numeric: true },
              { label: t('lines.longest'), numeric: true },
              { label: t('lines.booked'), numeric: true },
              { label: t('lines.estimate'), numeric: true },
            ]}
          />
          <tbody>
            {lines.map((l) => {
              const s = services.get(l.serviceId);
              const over = s !== undefined && l.longestWaitMinutes > s.targetWaitMinutes;
              return (
                <tr key={l.serviceId} data-testid={`line-${l.serviceId}`}>
                  <th scope="row">
                    <span className="prefix">{s?.prefix ?? '?'}</span>{' '}
                    {s?.names[lang] ?? l.serviceId}
                  </th>
                  <td className="num">
                    <strong data-testid="waiting">{l.waiting}</strong>
                    {l.priorityWaiting > 0 && (
                      <span className="sub">
                        {t('lines.priority', { count: l.priorityWaiting })}
                      </span>
                    )}
                  </td>
                  <td className={`num${over ? ' over' : ''}`}>
                    {t('lines.minutes', { count: Math.floor(l.longestWaitMinutes) })}
                  </td>
                  <td className="num" data-testid="booked">
                    {l.bookedDue}
                  </td>
                  <td className="num">{t('lines.minutes', { count: l.estimatedWaitMinutes })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
