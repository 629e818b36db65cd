// Average further life expectancy in months, from the GUS table that ZUS uses to grant
// old-age pensions (art. 26 of the FUS pensions act). Only the entries we can cite exactly
// are shipped; see docs/pension-calculator.md for the source. A later table is added as a new
// object, never by editing this one (a pension granted under it must stay reproducible).

/** A GUS life table as the pension formula uses it. */
export interface GusLifeTable {
  /** Year the table was announced. */
  year: number;
  /** Applications it applies to (ISO dates, inclusive). */
  appliesFrom: string;
  appliesTo: string;
  /** Months of further life by age in whole years (0 months over the birthday). */
  monthsAtAge: Readonly<Record<number, number>>;
  source: string;
}

/** The table announced by GUS in March 2025, for applications 1.04.2025–31.03.2026. */
export const GUS_LIFE_TABLE_2025: GusLifeTable = {
  year: 2025,
  appliesFrom: '2025-04-01',
  appliesTo: '2026-03-31',
  monthsAtAge: { 60: 266.4, 65: 220.8 },
  source:
    'Komunikat Prezesa GUS w sprawie tablicy średniego dalszego trwania życia kobiet i mężczyzn (2025)',
};
