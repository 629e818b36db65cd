import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, pueSession } from '../api';
import { formatMoney } from '../format';
import { projectPension } from '../pension/calculator';
import { GUS_LIFE_TABLE_2025 } from '../pension/gus-life-table';
import { Fact } from '../data-table';
import { NumberFieldset, type NumberFieldSpec } from '../fields';
import { ErrorBox, Screen } from '../ui';
import { useLoad } from '../use-load';
import type { Choice } from './pue-account';

// Stated on screen with the result: the projection is only as good as these.
const ASSUMPTIONS = { wageGrowth: 0.03, accountValorisation: 0.05, subAccountValorisation: 0.04 };
const AGES = Object.keys(GUS_LIFE_TABLE_2025.monthsAtAge).map(Number);
const pct = (x: number) => `${(x * 100).toLocaleString('pl-PL')}%`;

/** Projected pension from the insured's account, to a chosen age, with stated assumptions. */
export function PensionCalc(props: { token: string; choice: Choice; onBack: () => void }) {
  const { t } = useTranslation();
  const [age, setAge] = useState(45);
  const [retireAt, setRetireAt] = useState(AGES[AGES.length - 1] ?? 65);
  const [wage, setWage] = useState(6000);
  const { data, error } = useLoad(
    () =>
      api.call('pueAccount', {
        params: { accountId: props.choice.account.id },
        query: { role: 'insured' },
        ...pueSession(props.token),
      }),
    [props.token, props.choice],
  );
  const ins = data?.insured;
  const result = useMemo(() => {
    if (!ins || age > retireAt) return null;
    return projectPension(
      {
        accountGr: ins.balanceGr,
        // The portal does not report the sub-account separately yet: counted from today on.
        subAccountGr: 0,
        initialCapitalGr: ins.initialCapitalGr,
        monthlyWageGr: Math.round(wage * 100),
        ageMonths: age * 12,
        retirementAgeMonths: retireAt * 12,
        ...ASSUMPTIONS,
      },
      GUS_LIFE_TABLE_2025,
    );
  }, [ins, age, retireAt, wage]);
  const fields: NumberFieldSpec[] = [
    { id: 'pension-age', label: t('pension.age'), value: age, onChange: setAge, min: 18, max: 70 },
    {
      id: 'pension-retire',
      label: t('pension.retirementAge'),
      value: retireAt,
      onChange: setRetireAt,
      options: AGES,
    },
    { id: 'pension-wage', label: t('pension.wage'), value: wage, onChange: setWage, min: 0 },
  ];
  return (
    <Screen title={t('pension.title')} onBack={props.onBack} testId="pension">
      <ErrorBox error={error} />
      <div className="form row">
        <NumberFieldset legend={t('pension.inputs')} fields={fields} />
      </div>
      {ins && !result && <p role="status">{t('pension.agePast')}</p>}
      {result && (
        <dl className="facts" data-testid="pension-result">
          <Fact term={t('pension.monthly')} testId="pension-monthly">
            {formatMoney(result.monthlyPensionGr)}
          </Fact>
          <Fact term={t('pension.total')}>{formatMoney(result.totalGr)}</Fact>
          <Fact term={t('pension.lifeExpectancy')}>
            {t('pension.months', {
              months: result.lifeExpectancyMonths.toLocaleString('pl-PL'),
              year: GUS_LIFE_TABLE_2025.year,
            })}
          </Fact>
        </dl>
      )}
      <p data-testid="pension-assumptions">
        {t('pension.assumptions', {
          wage: pct(ASSUMPTIONS.wageGrowth),
          account: pct(ASSUMPTIONS.accountValorisation),
          sub: pct(ASSUMPTIONS.subAccountValorisation),
        })}
      </p>
    </Screen>
  );
}
