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
          {data.beneficiary.benefits.map((b) => (
            <div key={b.id}>
              <p>
                <strong>{t(`data.benefitKinds.${b.kind}`, { defaultValue: b.kind })}</strong> —{' '}
                {m(b.monthlyAmountGr)} {t('data.monthly')},{' '}
                {t('data.grantedOn', { date: formatDate(b.grantedOn) })}
              </p>
              {b.payments.length > 0 && (
                <table className="table" data-testid={`payments-${b.id}`}>
                  <caption>{t('data.payments')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('data.paidOn')}</th>
                      <th scope="col">{t('data.amount')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.payments.map((p) => (
                      <tr key={p.paidOn}>
                        <td>{formatDate(p.paidOn)}</td>
                        <td>{m(p.amountGr)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))}
        </section>
      )}
      {data?.payer && <PayerSection payer={data.payer} />}
    </Screen>
  );
}

/** A payer's dues and payments per fund and the persons it has registered (PESEL masked). */
function PayerSection({ payer }: { payer: NonNullable<PueAccountData['payer']> }) {
  const { t } = useTranslation();
  const m = formatMoney;
  return (
    <section aria-labelledby="payer" data-testid="payer">
      <h2 id="payer">
        {t('data.payer')} (NIP {payer.nip})
      </h2>
      {payer.funds && payer.funds.length > 0 && (
        <table className="table" data-testid="funds">
          <caption>{t('data.funds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.month')}</th>
              <th scope="col">{t('data.fund')}</th>
              <th scope="col">{t('data.due')}</th>
              <th scope="col">{t('data.paid')}</th>
            </tr>
          </thead>
          <tbody>
            {payer.funds.slice(-12).map((f) => (
              <tr
                key={`${f.month}-${f.fund}`}
                data-fund={f.fund}
                className={f.paidGr < f.dueGr ? 'unpaid' : undefined}
              >
                <td>{formatMonth(f.month)}</td>
                <td>{t(`data.fundNames.${f.fund}`)}</td>
                <td>{m(f.dueGr)}</td>
                <td>{m(f.paidGr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="table" data-testid="insured-persons">
        <caption>{t('data.insuredPersons')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('data.person')}</th>
            <th scope="col">PESEL</th>
            <th scope="col">{t('data.since')}</th>
          </tr>
        </thead>
        <tbody>
          {payer.insuredPersons.map((p) => (
            <tr key={p.peselMasked}>
              <td>{p.name}</td>
              <td>{p.peselMasked}</td>
              <td>{formatDate(p.since)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
