import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PueArchiveOrder } from '@skr/protocol/pue';
import { api, pueSession } from '../api';
import { NumberFieldset, type NumberFieldSpec } from '../fields';
import { ErrorBox, Screen } from '../ui';
import { useAction } from '../use-action';
import { useLoad } from '../use-load';
import type { Choice } from './pue-account';

/** Order contribution data older than the last 12 months, and see earlier orders. */
export function PueArchive(props: { token: string; choice: Choice; onBack: () => void }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(year - 10);
  const [to, setTo] = useState(year - 2);
  // Orders placed on this screen, newest first; the first is confirmed in a status line.
  const [added, setAdded] = useState<PueArchiveOrder[]>([]);
  const placed = added[0];
  const accountId = props.choice.account.id;
  const listed = useLoad(
    () => api.call('pueArchiveOrders', { params: { accountId }, ...pueSession(props.token) }),
    [accountId, props.token],
  );
  const orders = [...added, ...(listed.data?.items ?? [])];
  const { busy, error, run } = useAction();
  const order = () =>
    run(async () => {
      const o = await api.call('pueOrderArchive', {
        params: { accountId },
        body: { fromYear: from, toYear: to },
        ...pueSession(props.token),
      });
      setAdded((l) => [o, ...l]);
    });
  const years = Array.from({ length: year - 1999 }, (_, i) => 1999 + i);
  const fields: NumberFieldSpec[] = [
    { id: 'from-year', label: t('archive.from'), value: from, onChange: setFrom, options: years },
    { id: 'to-year', label: t('archive.to'), value: to, onChange: setTo, options: years },
  ];
  return (
    <Screen title={t('archive.title')} onBack={props.onBack} testId="pue-archive">
      <ErrorBox error={error ?? listed.error} />
      <div className="form row">
        <NumberFieldset legend={t('archive.years')} className="years" fields={fields} />
        <button
          type="button"
          className="big primary"
          onClick={() => void order()}
          disabled={busy || from > to}
          data-testid="order-archive"
        >
          {t('archive.order')}
        </button>
      </div>
      {placed && (
        <p role="status" key={placed.id} data-testid="order-placed">
          {placed.fromYear}–{placed.toYear}: {t('archive.ordered')}
        </p>
      )}
      <h2>{t('archive.list')}</h2>
      <ul className="list" data-testid="orders">
        {orders.map((o) => (
          <li key={o.id}>
            {o.fromYear}–{o.toYear}:{' '}
            {o.status === 'ready' ? t('archive.ready') : t('archive.ordered')}
          </li>
        ))}
      </ul>
    </Screen>
  );
}
