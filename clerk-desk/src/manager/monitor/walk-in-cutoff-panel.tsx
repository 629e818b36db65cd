import type { MonitorLine } from '@skr/protocol/manager';
import type { WalkInCutoff, WalkInCutoffList } from '@skr/protocol/walk-in-cutoff';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { branchTimeOfDay } from '../../ui/branch-time';
import type { ManagerApi } from '../api';
import { Card } from '../card';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from './use-busy-call';
import { WalkInPoolEditor } from './walk-in-pool-editor';

/**
 * Walk-ins when the day is full (issue 14): per service whether the kiosk still issues walk-in
 * tickets, why not (the line would outlast closing time, or the daily pool is used up), and
 * the manager's "open again for today" (audited at the branch), and each service's daily pool.
 * Refetched with each snapshot.
 */
export function WalkInCutoffPanel(props: {
  api: ManagerApi;
  lines: readonly MonitorLine[];
  /** The snapshot's time: a new snapshot asks again. */
  at: string;
}) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<WalkInCutoffList | null>(null);
  const { busy, error, setError, call } = useBusyCall();
  const { api } = props;
  useEffect(() => {
    let stale = false;
    api
      .walkInCutoffs()
      .then((l) => !stale && setList(l))
      .catch((e: unknown) => !stale && setError(e));
    return () => {
      stale = true;
    };
  }, [api, props.at]);
  const lang = i18n.language;
  const time = (iso: string) => branchTimeOfDay(iso, lang);
  const name = (id: string) => {
    const l = props.lines.find((x) => x.serviceId === id);
    return l ? (l.names[lang as 'pl'] ?? l.names.pl) : id;
  };
  // A changed service's row as the server answered it (reopened, or a new pool).
  const replace = (c: WalkInCutoff) =>
    setList(
      (l) => l && { ...l, services: l.services.map((s) => (s.serviceId === c.serviceId ? c : s)) },
    );
  const reopen = (serviceId: string, open: boolean) =>
    call(async () => replace(await api.reopenWalkIns(serviceId, open)));
  // Only services that are or would be cut off need the manager's eye.
  const shown = list?.services.filter((c) => c.reason !== null) ?? [];
  return (
    <Card id="cutoff" title={t('monitor.cutoff.title')} testId="walk-in-cutoffs">
      <ErrorAlert error={error} />
      {list && shown.length === 0 && <p>{t('monitor.cutoff.none')}</p>}
      <ul className="mgr-devices">
        {shown.map((c) => (
          <li
            key={c.serviceId}
            className={c.cut ? 'device bad' : 'device good'}
            data-testid={`cutoff-${c.serviceId}`}
            data-cut={String(c.cut)}
          >
            <strong>{name(c.serviceId)}</strong>:{' '}
            {c.reason === 'ended'
              ? t('monitor.cutoff.ended')
              : c.reason === 'pool'
                ? t('monitor.cutoff.pool', { count: c.dailyPool ?? 0 })
                : t('monitor.cutoff.closing', { time: c.closesAt ? time(c.closesAt) : '' })}
            {c.reopened && ` · ${t('monitor.cutoff.reopened')}`}{' '}
            <button
              type="button"
              disabled={busy}
              data-testid={`cutoff-toggle-${c.serviceId}`}
              onClick={() => void reopen(c.serviceId, !c.reopened)}
            >
              {c.reopened ? t('monitor.cutoff.undo') : t('monitor.cutoff.reopen')}
            </button>
          </li>
        ))}
      </ul>
      {list && (
        <WalkInPoolEditor api={api} services={list.services} name={name} onSaved={replace} />
      )}
    </Card>
  );
}
