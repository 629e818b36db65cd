// The projected old-age pension in the defined-contribution formula (art. 26 of the FUS
// pensions act): everything recorded for the insured person, valorised, divided by the average
// further life expectancy in months at the retirement age. Pure: no clock, no I/O.
import type { GusLifeTable } from './gus-life-table';

/** Part of a wage that goes to the contributions account and to the sub-account (19.52% total). */
const ACCOUNT_RATE = 0.1222;
const SUB_ACCOUNT_RATE = 0.073;

/** What the projection starts from and what it assumes. Amounts in grosze. */
export interface PensionInput {
  /** Contributions account today (without initial capital). */
  accountGr: number;
  /** Sub-account today. */
  subAccountGr: number;
  /** Initial capital as already valorised to today (null if the person has none). */
  initialCapitalGr: number | null;
  /** Gross monthly wage today (the contribution base). */
  monthlyWageGr: number;
  /** Age today and chosen retirement age, in whole months. */
  ageMonths: number;
  retirementAgeMonths: number;
  /** Assumed yearly wage growth, e.g. 0.03. */
  wageGrowth: number;
  /** Assumed yearly valorisation of the account (and initial capital) and of the sub-account. */
  accountValorisation: number;
  subAccountValorisation: number;
}

/** The projection, in grosze, with the life expectancy used. */
interface PensionProjection {
  accountGr: number;
  subAccountGr: number;
  initialCapitalGr: number;
  totalGr: number;
  lifeExpectancyMonths: number;
  monthlyPensionGr: number;
}

/**
 * Projects the pension month by month: each month adds 12.22% of the wage to the account and
 * 7.30% to the sub-account; after each full year both (and the initial capital, which ZUS
 * valorises with the account) grow by their valorisation and the wage by its growth. Throws
 * RangeError for a retirement age the table does not hold or one already passed.
 */
export function projectPension(input: PensionInput, table: GusLifeTable): PensionProjection {
  const years = input.retirementAgeMonths / 12;
  const months = input.retirementAgeMonths - input.ageMonths;
  const lifeExpectancyMonths = Number.isInteger(years) ? table.monthsAtAge[years] : undefined;
  if (lifeExpectancyMonths === undefined)
    throw new RangeError(`the ${table.year} table has no entry for age ${years}`);
  if (months < 0) throw new RangeError('the retirement age is already past');
  let account = input.accountGr;
  let sub = input.subAccountGr;
  let capital = input.initialCapitalGr ?? 0;
  let wage = input.monthlyWageGr;
  for (let m = 1; m <= months; m++) {
    account += wage * ACCOUNT_RATE;
    sub += wage * SUB_ACCOUNT_RATE;
    if (m % 12 === 0) {
      account *= 1 + input.accountValorisation;
      capital *= 1 + input.accountValorisation;
      sub *= 1 + input.subAccountValorisation;
      wage *= 1 + input.wageGrowth;
    }
  }
  const total = account + sub + capital;
  return {
    accountGr: Math.round(account),
    subAccountGr: Math.round(sub),
    initialCapitalGr: Math.round(capital),
    totalGr: Math.round(total),
    lifeExpectancyMonths,
    monthlyPensionGr: Math.round(total / lifeExpectancyMonths),
  };
}
