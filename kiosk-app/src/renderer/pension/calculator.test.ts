import { describe, expect, it } from 'vitest';
import { projectPension, type PensionInput } from './calculator';
import { GUS_LIFE_TABLE_2025 } from './gus-life-table';

// Expected figures are worked out by hand in docs/pension-calculator.md.
const none: PensionInput = {
  accountGr: 0,
  subAccountGr: 0,
  initialCapitalGr: null,
  monthlyWageGr: 0,
  ageMonths: 65 * 12,
  retirementAgeMonths: 65 * 12,
  wageGrowth: 0,
  accountValorisation: 0,
  subAccountValorisation: 0,
};

/** The projection for `none` changed by `input`, with the GUS table. */
const project = (input: Partial<PensionInput>) =>
  projectPension({ ...none, ...input }, GUS_LIFE_TABLE_2025);

describe('projectPension', () => {
  it('retiring now at 60: (300 000 + 100 000 + 200 000 zł) / 266.4 months = 2252.25 zł', () => {
    const p = project({
      accountGr: 30_000_000,
      subAccountGr: 10_000_000,
      initialCapitalGr: 20_000_000,
      ageMonths: 720,
      retirementAgeMonths: 720,
    });
    expect(p.totalGr).toBe(60_000_000);
    expect(p.lifeExpectancyMonths).toBe(266.4);
    expect(p.monthlyPensionGr).toBe(225_225);
  });

  it('one more year at 5000 zł, nothing valorised: 12 × 19.52% is added, / 220.8 at 65', () => {
    const p = project({ accountGr: 40_000_000, monthlyWageGr: 500_000, ageMonths: 64 * 12 });
    expect(p.accountGr).toBe(40_733_200);
    expect(p.subAccountGr).toBe(438_000);
    expect(p.monthlyPensionGr).toBe(186_464); // 41 171 200 / 220.8
  });

  it('two years with 10% wage growth and account valorisation, capital valorised too', () => {
    const p = project({
      initialCapitalGr: 1_000_000,
      monthlyWageGr: 1_000_000,
      ageMonths: 63 * 12,
      wageGrowth: 0.1,
      accountValorisation: 0.1,
    });
    expect(p.accountGr).toBe(3_548_688);
    expect(p.subAccountGr).toBe(1_839_600);
    expect(p.initialCapitalGr).toBe(1_210_000);
    expect(p.totalGr).toBe(6_598_288);
    expect(p.monthlyPensionGr).toBe(29_884);
  });

  it('refuses an age the table does not hold and a retirement age already past', () => {
    expect(() => project({ retirementAgeMonths: 62 * 12 })).toThrow(RangeError);
    expect(() => project({ ageMonths: 66 * 12 })).toThrow(/past/);
  });
});
