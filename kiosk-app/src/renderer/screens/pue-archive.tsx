import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PueArchiveOrder } from '@skr/protocol/pue';
import { api, pueSession } from '../api';
import { ErrorBox, Screen } from '../ui';
import type { Choice } from './pue-account';

/** Order contribution data older than the last 12 months, and see earlier orders. */
export function PueArchive(props: { token: string; choice: Choice; onBack: () => void }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(year - 10);
  const [to, setTo] = useState(year - 2);
  const [orders, setOrders] = useState<PueArchiveOrder[]>([]);
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
        {/* Explicit label–select pairs in a titled group: checkers (HTML_CodeSniffer) do not
            credit a label that merely wraps its control. */}
        <fieldset className="years">
          <legend>{t('archive.years')}</legend>
          <label htmlFor="archive-from">{t('archive.from')}</label>
          <select
            id="archive-from"
            value={from}
            onChange={(e) => setFrom(Number(e.target.value))}
            data-testid="from-year"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <label htmlFor="archive-to">{t('archive.to')}</label>
          <select
            id="archive-to"
            value={to}
            onChange={(e) => setTo(Number(e.target.value))}
            data-testid="to-year"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
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
