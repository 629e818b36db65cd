import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PueAccountData } from '@skr/protocol/pue';
import { api, pueSession } from '../api';
import { formatDate, formatMonth, formatMoney } from '../format';
import { ErrorBox, Screen } from '../ui';
import type { Choice } from './pue-account';

/** Account data for the chosen role: contribution bases, balance, capital, OFE, benefits. */
export function PueData(props: {
  token: string;
  choice: Choice;
  lang: string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [data, setData] = useState<PueAccountData | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const role = props.choice.role;
    api
      .call('pueAccount', {
        params: { accountId: props.choice.account.id },
        query: role ? { role } : {},
        ...pueSession(props.token),
      })
      .then(setData)
      .catch(setError);
  }, [props.token, props.choice]);
  const m = formatMoney;
  const ins = data?.insured;
  return (
    <Screen title={t('data.title')} onBack={props.onBack} testId="pue-data">
      <ErrorBox error={error} />
      {data && !ins && !data.beneficiary && !data.payer && <p>{t('data.none')}</p>}
      {ins && (
        <>
          <table className="table" data-testid="bases">
            <caption>{t('data.bases')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.month')}</th>
                <th scope="col">{t('data.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {ins.contributionBases.map((b) => (
                <tr key={b.month}>
                  <td>{formatMonth(b.month)}</td>
                  <td>{m(b.amountGr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="facts">
            <div>
              <dt>{t('data.balance')}</dt>
              <dd data-testid="balance">{m(ins.balanceGr)}</dd>
            </div>
            {ins.initialCapitalGr !== null && (
              <div>
                <dt>{t('data.initialCapital')}</dt>
                <dd>{m(ins.initialCapitalGr)}</dd>
              </div>
            )}
          </dl>
          {ins.ofeTransfers.length > 0 && (
            <table className="table" data-testid="ofe">
              <caption>{t('data.ofe')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('data.month')}</th>
                  <th scope="col">{t('data.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {ins.ofeTransfers.map((o) => (
                  <tr key={o.month}>
                    <td>{formatMonth(o.month)}</td>
                    <td>{m(o.amountGr)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {data?.beneficiary && (
        <section aria-labelledby="benefits" data-testid="benefits">
          <h2 id="benefits">{t('data.benefits')}</h2>
          <ul className="list">
            {data.beneficiary.benefits.map((b) => (
              <li key={b.id}>
                <strong>{b.kind}</strong> — {m(b.monthlyAmountGr)} {t('data.monthly')},{' '}
                {t('data.grantedOn', { date: formatDate(b.grantedOn) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data?.payer && (
        <section aria-labelledby="payer">
          <h2 id="payer">
            {t('data.payer')} (NIP {data.payer.nip})
          </h2>
          <ul className="list">
            {data.payer.insuredPersons.map((p) => (
              <li key={p.peselMasked}>
                {p.name} ({p.peselMasked})
              </li>
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}
