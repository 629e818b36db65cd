import type { MonitorDevice } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { Card } from '../card';

/** Kiosks, screens and boards: connected or not, and each component's health. */
export function DevicesPanel({ devices }: { devices: MonitorDevice[] }) {
  const { t } = useTranslation();
  return (
    <Card id="devices" title={t('monitor.devices')}>
      {devices.length === 0 && <p>{t('monitor.noDevices')}</p>}
      <ul className="mgr-devices">
        {devices.map((d) => {
          const faulty = d.components.some((c) => !c.ok) || d.online === false;
          return (
            <li
              key={d.id}
              className={faulty ? 'device bad' : 'device good'}
              data-testid={`device-${d.name}`}
            >
              <strong>
                {t(`monitor.kinds.${d.kind}`, { defaultValue: d.kind })}: {d.name}
              </strong>{' '}
              <span className="device-link">
                {d.online === null
                  ? t('monitor.noSocket')
                  : d.online
                    ? t('monitor.online')
                    : t('monitor.offline')}
              </span>
              {d.components.length > 0 && (
                <ul>
                  {d.components.map((c) => (
                    <li key={c.component} className={c.ok ? 'ok' : 'fault'}>
                      {t(`monitor.components.${c.component}`)}:{' '}
                      {c.ok ? t('monitor.ok') : t('monitor.fault')}
                      {!c.ok && c.code && ` (${c.code})`}
                      {!c.ok && c.message && ` — ${c.message}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
