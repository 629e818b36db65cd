import type { NotifyStatsResponse } from '@skr/protocol/notify';
import { useTranslation } from 'react-i18next';
import { branchDateTime } from '../../ui/branch-time';
import { Card } from '../card';

const CHANNELS = ['sms', 'email'] as const;

/** Client notifications: counts only (never an address), and each channel's state. */
export function NotificationsPanel({ stats }: { stats: NotifyStatsResponse | null }) {
  const { t } = useTranslation();
  const time = (iso: string) => branchDateTime(iso, document.documentElement.lang);
  return (
    <Card id="notify" title={t('monitor.notify.title')} testId="notifications">
      {!stats || !stats.enabled ? (
        <p>{t('monitor.notify.off')}</p>
      ) : (
        <>
          <p data-testid="notify-counts">{t('monitor.notify.counts', stats)}</p>
          <ul className="mgr-devices">
            {CHANNELS.map((c) => {
              const h = stats.channels[c];
              return (
                <li
                  key={c}
                  className={h.state === 'failing' ? 'device bad' : 'device good'}
                  data-testid={`notify-${c}`}
                >
                  <strong>{t(`monitor.notify.${c}`)}</strong>:{' '}
                  {t(`monitor.notify.state.${h.state}`)}
                  {h.lastSentAt && ` · ${t('monitor.notify.last', { time: time(h.lastSentAt) })}`}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}
