import { useTranslation } from 'react-i18next';
import type { PueAccountData } from '@skr/protocol/pue';
import { api, pueSession } from '../api';
import { formatDate, formatMonth, formatMoney } from '../format';
import { DataTable, Fact } from '../data-table';
import { ErrorBox, Screen } from '../ui';
import { useLoad } from '../use-load';
import type { Choice } from './pue-account';

/** Account data for the chosen role: contribution bases, balance, capital, OFE, benefits. */
export function PueData(props: {
  token: string;
  choice: Choice;
  lang: string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const role = props.choice.role;
  const { data, error } = useLoad(
    () =>
      api.call('pueAccount', {
        params: { accountId: props.choice.account.id },
        query: role ? { role } : {},
        ...pueSession(props.token),
      }),
    [props.token, props.choice],
  );
  const m = formatMoney;
  const ins = data?.insured;
  return (
    <Screen title={t('data.title')} onBack={props.onBack} testId="pue-data">
      <ErrorBox error={error} />
      {data && !ins && !data.beneficiary && !data.payer && <p>{t('data.none')}</p>}
      {ins && (
        <>
          <MonthlyTable caption={t('data.bases')} items={ins.contributionBases} testId="bases" />
          <dl className="facts">
            <Fact term={t('data.balance')} testId="balance">
              {m(ins.balanceGr)}
            </Fact>
            {ins.initialCapitalGr !== null && (
              <Fact term={t('data.initialCapital')}>{m(ins.initialCapitalGr)}</Fact>
            )}
          </dl>
          {ins.ofeTransfers.length > 0 && (
            <MonthlyTable caption={t('data.ofe')} items={ins.ofeTransfers} testId="ofe" />
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
                <DataTable
                  caption={t('data.payments')}
                  columns={[t('data.paidOn'), t('data.amount')]}
                  rows={b.payments.map((p) => ({
                    key: p.paidOn,
                    cells: [formatDate(p.paidOn), m(p.amountGr)],
                  }))}
                  testId={`payments-${b.id}`}
                />
              )}
            </div>
          ))}
        </section>
      )}
      {data?.payer && <PayerSection payer={data.payer} />}
    </Screen>
  );
}

/** Amounts by month (contribution bases, OFE transfers). */
function MonthlyTable(props: {
  caption: string;
  items: { month: string; amountGr: number }[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={props.caption}
      columns={[t('data.month'), t('data.amount')]}
      rows={props.items.map((i) => ({
        key: i.month,
        cells: [formatMonth(i.month), formatMoney(i.amountGr)],
      }))}
      testId={props.testId}
    />
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
        <DataTable
          caption={t('data.funds')}
          columns={[t('data.month'), t('data.fund'), t('data.due'), t('data.paid')]}
          rows={payer.funds.slice(-12).map((f) => ({
            key: `${f.month}-${f.fund}`,
            fund: f.fund,
            ...(f.paidGr < f.dueGr ? { className: 'unpaid' } : {}),
            cells: [formatMonth(f.month), t(`data.fundNames.${f.fund}`), m(f.dueGr), m(f.paidGr)],
          }))}
          testId="funds"
        />
      )}
      <DataTable
        caption={t('data.insuredPersons')}
        columns={[t('data.person'), 'PESEL', t('data.since')]}
        rows={payer.insuredPersons.map((p) => ({
          key: p.peselMasked,
          cells: [p.name, p.peselMasked, formatDate(p.since)],
        }))}
        testId="insured-persons"
      />
    </section>
  );
}
