import type { SyncStatus } from '@skr/protocol/branch-pue';
import type { MonitorAlert, MonitorSnapshot } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { branchClock, branchDateTime } from '../../ui/branch-time';
import type { ManagerApi } from '../api';
import { ErrorAlert } from '../error-alert';
import { CountersPanel } from './counters-panel';
import { DevicesPanel } from './devices-panel';
import { EndDayPanel } from './end-day-panel';
import { LinesTable } from './lines-table';
import { NotificationsPanel } from './notifications-panel';
import { WalkInCutoffPanel } from './walk-in-cutoff-panel';
import { useMonitor } from './use-monitor';

/** An outbox row older than this is worth an alert. */
const BACKLOG_MINUTES = 15;

function outboxAlert(sync: SyncStatus | null, now: Date): MonitorAlert | null {
  const o = sync?.outbox;
  if (
    !o ||
    (o.failed === 0 &&
      (!o.oldestAt || now.getTime() - Date.parse(o.oldestAt) < BACKLOG_MINUTES * 60_000))
  )
    return null;
  return {
    kind: 'outbox-backlog',
    subject: 'outbox',
    since: o.oldestAt,
    code: null,
    component: null,
    detail: `${o.pending} / ${o.failed}`,
  };
}

function Alerts({ snapshot, sync }: { snapshot: MonitorSnapshot; sync: SyncStatus | null }) {
  const { t } = useTranslation();
  // A device fault is told from its parts, so the component is named in the reader's language.
  const detail = (a: MonitorAlert) => {
    if (a.kind !== 'device-fault' || !a.component) return a.detail;
    const d = snapshot.devices.find((x) => x.id === a.subject);
    const c = d?.components.find((x) => x.component === a.component);
    const part = t(`monitor.components.${a.component}`, { defaultValue: a.component });
    return `${d?.name ?? a.subject}: ${part}${c?.message ? ` — ${c.message}` : ''}`;
  };
  const backlog = outboxAlert(sync, new Date(snapshot.at));
  const alerts = backlog ? [...snapshot.alerts, backlog] : snapshot.alerts;
  return (
    <section className="mgr-card mgr-alerts" aria-labelledby="alerts-h">
      <h2 id="alerts-h">{t('monitor.alerts')}</h2>
      <div aria-live="assertive">
        {alerts.length === 0 ? (
          <p>{t('monitor.noAlerts')}</p>
        ) : (
          <ul>
            {alerts.map((a) => (
              <li
                key={`${a.kind}/${a.subject}/${a.detail}`}
                className={`alert-${a.kind}`}
                data-testid="alert"
              >
                {t(`monitor.alert.${a.kind}`, { detail: detail(a) })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function Outbox({ sync }: { sync: SyncStatus | null }) {
  const { t } = useTranslation();
  const time = (iso: string) => branchDateTime(iso, document.documentElement.lang);
  return (
    <section className="mgr-card" aria-labelledby="outbox-h">
      <h2 id="outbox-h">{t('monitor.outbox')}</h2>
      {!sync ? (
        <p>{t('monitor.outboxNone')}</p>
      ) : (
        <>
          <p data-testid="outbox">{t('monitor.outboxPending', sync.outbox)}</p>
          {sync.outbox.oldestAt && (
            <p>{t('monitor.outboxOldest', { time: time(sync.outbox.oldestAt) })}</p>
          )}
          {sync.outbox.lastError && (
            <p>{t('monitor.outboxLastError', { error: sync.outbox.lastError })}</p>
          )}
        </>
      )}
    </section>
  );
}

/** The live monitor page. */
export function MonitorView(props: {
  api: ManagerApi;
  origin: string;
  token: string;
  onExpired: () => void;
}) {
  const { t } = useTranslation();
  const { snapshot, sync, notify, live, error } = useMonitor(
    props.api,
    props.origin,
    props.token,
    props.onExpired,
  );
  return (
    <div className="mgr-monitor">
      <p className="mgr-status" role="status">
        <span className={live ? 'dot live' : 'dot'} aria-hidden="true" />
        {live ? t('monitor.live') : t('monitor.reconnecting')}
        {snapshot &&
          ` · ${t('monitor.updated', { time: branchClock.format(snapshot.at, document.documentElement.lang, { timeStyle: 'medium' }) })}`}
      </p>
      <ErrorAlert error={error} />
      {snapshot && (
        <>
          <Alerts snapshot={snapshot} sync={sync} />
          <LinesTable lines={snapshot.lines} />
          <WalkInCutoffPanel api={props.api} lines={snapshot.lines} at={snapshot.at} />
          <CountersPanel counters={snapshot.counters} />
          <EndDayPanel api={props.api} />
          <div className="mgr-two">
            <DevicesPanel devices={snapshot.devices} />
            <Outbox sync={sync} />
          </div>
          <NotificationsPanel stats={notify} />
        </>
      )}
    </div>
  );
}
