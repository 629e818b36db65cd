import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PueAccountData } from '@skr/protocol/pue';
import { api, pueSession } from '../api';
import { formatMoney } from '../format';
import { projectPension } from '../pension/calculator';
import { GUS_LIFE_TABLE_2025 } from '../pension/gus-life-table';
import { Fact } from '../data-table';
import { NumberInput, NumberSelect } from '../fields';
import { ErrorBox, Screen } from '../ui';
import type { Choice } from './pue-account';

// Stated on screen with the result: the projection is only as good as these.
const ASSUMPTIONS = { wageGrowth: 0.03, accountValorisation: 0.05, subAccountValorisation: 0.04 };
const AGES = Object.keys(GUS_LIFE_TABLE_2025.monthsAtAge).map(Number);
const pct = (x: number) => `${(x * 100).toLocaleString('pl-PL')}%`;

/** Projected pension from the insured's account, to a chosen age, with stated assumptions. */
export function PensionCalc(props: { token: string; choice: Choice; onBack: () => void }) {
  const { t } = useTranslation();
  const [data, setData] = useState<PueAccountData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [age, setAge] = useState(45);
  const [retireAt, setRetireAt] = useState(AGES[AGES.length - 1] ?? 65);
  const [wage, setWage] = useState(6000);
  useEffect(() => {
    api
      .call('pueAccount', {
        params: { accountId: props.choice.account.id },
        query: { role: 'insured' },
        ...pueSession(props.token),
      })
      .then(setData)
      .catch(setError);
  }, [props.token, props.choice]);
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
  return (
    <Screen title={t('pension.title')} onBack={props.onBack} testId="pension">
      <ErrorBox error={error} />
      <div className="form row">
        <fieldset>
          <legend>{t('pension.inputs')}</legend>
          <NumberInput
            id="pension-age"
            label={t('pension.age')}
            min={18}
            max={70}
            value={age}
            onChange={setAge}
            testId="pension-age"
          />
          <NumberSelect
            id="pension-retire"
            label={t('pension.retirementAge')}
            value={retireAt}
            options={AGES}
            onChange={setRetireAt}
            testId="pension-retire"
          />
          <NumberInput
            id="pension-wage"
            label={t('pension.wage')}
            min={0}
            value={wage}
            onChange={setWage}
            testId="pension-wage"
          />
        </fieldset>
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
