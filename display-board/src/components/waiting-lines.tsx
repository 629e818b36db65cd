import type { LineSummary, Service } from '@skr/protocol';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLang } from '../i18n';
import { promisedWait } from '../promised-wait';

/** Props of the people-waiting table. */
export interface WaitingLinesProps {
  lines: LineSummary[];
  services: Service[];
  /** Services this screen shows (all when empty). */
  only: readonly string[];
  lang: UiLang;
}

/** People waiting per service with the estimated wait, in the catalogue's order. */
export const WaitingLines = memo(function WaitingLines({
  lines,
  services,
  only,
  lang,
}: WaitingLinesProps) {
  const { t } = useTranslation();
  const byId = new Map(services.map((s) => [s.id, s]));
  // By ticket letter (A, B, C…): the order clients know from the kiosk and their tickets.
  const rank = (id: string) => {
    const s = byId.get(id);
    return s ? `${s.prefix}${id}` : `\uffff${id}`;
  };
  const shown = lines
    .filter((l) => only.length === 0 || only.includes(l.serviceId))
    .sort((a, b) => rank(a.serviceId).localeCompare(rank(b.serviceId)));
  return (
    <section className="lines" data-testid="waiting-lines" aria-labelledby="lines-title">
      <h2 id="lines-title" className="panel-title">
        {t('board.waitingTitle')}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('board.service')}</th>
            <th scope="col" className="num">
              {t('board.people')}
            </th>
            <th scope="col" className="num">
              {t('board.wait')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((l) => {
            const s = byId.get(l.serviceId);
            return (
              <tr key={l.serviceId} data-service={l.serviceId} data-waiting={l.waiting}>
                <th scope="row">
                  {s && <span className="prefix">{s.prefix}</span>}
                  {s?.names[lang] ?? l.serviceId}
                </th>
                <td className="num">{l.waiting}</td>
                <td className="num">
                  {l.waiting === 0 ? t('board.noWait') : t(...promisedWait(l.estimatedWaitMinutes))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
});
