import type { WalkInCutoff } from '@skr/protocol/walk-in-cutoff';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerApi } from '../api';
import { TableHead } from '../../ui/table-head';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from './use-busy-call';

/**
 * The daily walk-in pool per service (issue 14): after that many walk-in tickets of a service
 * today the kiosk offers a booked visit instead. The number goes to the server as typed, so a
 * wrong one (negative, a fraction) is refused there and its message shown here.
 */
export function WalkInPoolEditor(props: {
  api: ManagerApi;
  services: readonly WalkInCutoff[];
  name: (serviceId: string) => string;
  onSaved: (c: WalkInCutoff) => void;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const { busy, error, call } = useBusyCall();
  const [saved, setSaved] = useState('');
  const value = (c: WalkInCutoff) => drafts[c.serviceId] ?? c.dailyPool?.toString() ?? '';

  async function save(c: WalkInCutoff, pool: number | null) {
    setSaved('');
    const next = await call(() => props.api.setWalkInPool(c.serviceId, pool));
    if (!next) return;
    props.onSaved(next);
    setDrafts(({ [c.serviceId]: _, ...rest }) => rest);
    const name = props.name(c.serviceId);
    setSaved(
      pool === null ? t('monitor.pool.removed', { name }) : t('monitor.pool.saved', { name }),
    );
  }

  return (
    <div className="mgr-form" data-testid="walk-in-pools">
      <h3 id="pool-h">{t('monitor.pool.title')}</h3>
      <p className="mgr-note">{t('monitor.pool.hint')}</p>
      <ErrorAlert error={error} />
      <p role="status" className="mgr-ok">
        {saved}
      </p>
      <table className="mgr-table" aria-labelledby="pool-h">
        <TableHead
          columns={[
            t('monitor.pool.service'),
            t('monitor.pool.issued'),
            t('monitor.pool.pool'),
            t('monitor.pool.actions'),
          ]}
        />
        <tbody>
          {props.services.map((c) => {
            const name = props.name(c.serviceId);
            const text = value(c).trim();
            return (
              <tr key={c.serviceId} data-testid={`pool-${c.serviceId}`}>
                <th scope="row">{name}</th>
                <td>{c.walkInsToday}</td>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    step={1}
                    aria-label={t('monitor.pool.field', { name })}
                    placeholder={t('monitor.pool.none')}
                    value={value(c)}
                    onChange={(e) => setDrafts((d) => ({ ...d, [c.serviceId]: e.target.value }))}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    disabled={busy || text === ''}
                    onClick={() => void save(c, Number(text))}
                  >
                    {t('monitor.pool.save')}
                  </button>{' '}
                  <button
                    type="button"
                    disabled={busy || c.dailyPool === null}
                    onClick={() => void save(c, null)}
                  >
                    {t('monitor.pool.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
