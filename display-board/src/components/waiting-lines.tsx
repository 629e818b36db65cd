import type { LineSummary, Service } from '@skr/protocol';
import { memo, useMemo } from 'react';
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

interface LineRowProps {
  serviceId: string;
  prefix: string | undefined;
  name: string;
  waiting: number;
  /** The promised wait as drawn ("ok. 5 min", "bez czekania"). */
  wait: string;
}

/** One service's row, memoised: a call changes one line's count, so one row renders. */
const LineRow = memo(function LineRow({ serviceId, prefix, name, waiting, wait }: LineRowProps) {
  return (
    <tr data-service={serviceId} data-waiting={waiting}>
      <th scope="row">
        {prefix && <span className="prefix">{prefix}</span>}
        {name}
      </th>
      <td className="num">{waiting}</td>
      <td className="num">{wait}</td>
    </tr>
  );
});

/** People waiting per service with the estimated wait, in the catalogue's order. */
export const WaitingLines = memo(function WaitingLines({
  lines,
  services,
  only,
  lang,
}: WaitingLinesProps) {
  const { t } = useTranslation();
  const byId = useMemo(() => new Map(services.map((s) => [s.id, s])), [services]);
  // The promised waits drawn so far, per language: a refresh asks for the same few again.
  const waitText = useMemo(() => {
    const seen = new Map<string, string>();
    return (waiting: number, minutes: number): string => {
      const [key, opts] = waiting === 0 ? (['board.noWait', {}] as const) : promisedWait(minutes);
      const id = `${key}|${'count' in opts ? opts.count : ''}`;
      let text = seen.get(id);
      if (text === undefined) seen.set(id, (text = t(key, opts)));
      return text;
    };
  }, [t]);
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
              <LineRow
                key={l.serviceId}
                serviceId={l.serviceId}
                prefix={s?.prefix}
                name={s?.names[lang] ?? l.serviceId}
                waiting={l.waiting}
                wait={waitText(l.waiting, l.estimatedWaitMinutes)}
              />
            );
          })}
        </tbody>
      </table>
    </section>
  );
});
