import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PueAccountData } from '@skr/protocol/pue';
import { api, pueSession } from '../api';
import { formatMoney } from '../format';
import { projectPension } from '../pension/calculator';
import { GUS_LIFE_TABLE_2025 } from '../pension/gus-life-table';
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
          <label htmlFor="pension-age">{t('pension.age')}</label>
          <input
            id="pension-age"
            type="number"
            min={18}
            max={70}
            value={age}
            onChange={(e) => setAge(Math.max(18, Math.min(70, Number(e.target.value) || 18)))}
            data-testid="pension-age"
          />
          <label htmlFor="pension-retire">{t('pension.retirementAge')}</label>
          <select
            id="pension-retire"
            value={retireAt}
            onChange={(e) => setRetireAt(Number(e.target.value))}
            data-testid="pension-retire"
          >
            {AGES.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          <label htmlFor="pension-wage">{t('pension.wage')}</label>
          <input
            id="pension-wage"
            type="number"
            min={0}
            step={100}
            value={wage}
            onChange={(e) => setWage(Math.max(0, Number(e.target.value) || 0))}
            data-testid="pension-wage"
          />
        </fieldset>
      </div>
      {ins && !result && <p role="status">{t('pension.agePast')}</p>}
      {result && (
        <dl className="facts" data-testid="pension-result">
          <div>
            <dt>{t('pension.monthly')}</dt>
            <dd data-testid="pension-monthly">{formatMoney(result.monthlyPensionGr)}</dd>
          </div>
          <div>
            <dt>{t('pension.total')}</dt>
            <dd>{formatMoney(result.totalGr)}</dd>
          </div>
          <div>
            <dt>{t('pension.lifeExpectancy')}</dt>
            <dd>
              {t('pension.months', {
                months: result.lifeExpectancyMonths.toLocaleString('pl-PL'),
                year: GUS_LIFE_TABLE_2025.year,
              })}
            </dd>
          </div>
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
