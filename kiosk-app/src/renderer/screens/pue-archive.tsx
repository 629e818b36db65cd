import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PueArchiveOrder } from '@skr/protocol/pue';
import { api, pueSession } from '../api';
import { NumberSelect } from '../fields';
import { ErrorBox, Screen } from '../ui';
import type { Choice } from './pue-account';

/** Order contribution data older than the last 12 months, and see earlier orders. */
export function PueArchive(props: { token: string; choice: Choice; onBack: () => void }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(year - 10);
  const [to, setTo] = useState(year - 2);
  const [orders, setOrders] = useState<PueArchiveOrder[]>([]);
  // The order just placed, confirmed in a status line (heard in speech mode).
  const [placed, setPlaced] = useState<PueArchiveOrder | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const accountId = props.choice.account.id;
  useEffect(() => {
    api
      .call('pueArchiveOrders', { params: { accountId }, ...pueSession(props.token) })
      .then((l) => setOrders(l.items))
      .catch(setError);
  }, [accountId, props.token]);
  async function order() {
    setBusy(true);
    setError(null);
    try {
      const o = await api.call('pueOrderArchive', {
        params: { accountId },
        body: { fromYear: from, toYear: to },
        ...pueSession(props.token),
      });
      setOrders((l) => [o, ...l]);
      setPlaced(o);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const years = Array.from({ length: year - 1999 }, (_, i) => 1999 + i);
  return (
    <Screen title={t('archive.title')} onBack={props.onBack} testId="pue-archive">
      <ErrorBox error={error} />
      <div className="form row">
        <fieldset className="years">
          <legend>{t('archive.years')}</legend>
          <NumberSelect
            id="archive-from"
            label={t('archive.from')}
            value={from}
            options={years}
            onChange={setFrom}
            testId="from-year"
          />
          <NumberSelect
            id="archive-to"
            label={t('archive.to')}
            value={to}
            options={years}
            onChange={setTo}
            testId="to-year"
          />
        </fieldset>
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
