import { counterSign } from '@skr/protocol';
import type { MonitorCounter } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { branchTimeOfDay } from '../../ui/branch-time';
import { Card } from '../card';

/** Each counter: open (serving whom, for how long), on break (why) or closed, and since when. */
export function CountersPanel({ counters }: { counters: MonitorCounter[] }) {
  const { t } = useTranslation();
  const time = (iso: string) => branchTimeOfDay(iso, document.documentElement.lang);
  return (
    <Card id="counters" title={t('monitor.counters')}>
      <ul className="mgr-counters">
        {counters.map((c) => (
          <li key={c.id} className={`counter counter-${c.state}`} data-testid={`counter-${c.id}`}>
            <strong>{c.name}</strong>
            {/* The public sign clients hear and see for this counter (issue 12). */}
            <span className="counter-sign">
              {t('monitor.counterSign', { sign: counterSign(c) })}
            </span>
            <span className="counter-state">{t(`monitor.state.${c.state}`)}</span>
            {c.clerk && <span>{c.clerk}</span>}
            {c.state === 'paused' && c.pauseReason && <span>{c.pauseReason}</span>}
            {c.state === 'open' && (
              <span>
                {c.ticket
                  ? `${t('monitor.serving', { number: c.ticket.number, minutes: Math.round(c.ticketMinutes ?? 0) })}${
                      c.ticket.state === 'called' ? ` (${t('monitor.called')})` : ''
                    }`
                  : t('monitor.idle')}
              </span>
            )}
            {c.stateSince && (
              <span className="since">{t('monitor.since', { time: time(c.stateSince) })}</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
