import type { DocumentForm } from '@skr/protocol';

/**
 * Forms offered for drop-off at the kiosk. The code is what the portal receives as `formCode`;
 * the Polish name is also the document title sent with it.
 */
export const documentForms: readonly DocumentForm[] = [
  {
    code: 'Z-15A',
    names: {
      pl: 'ZUS Z-15A — Wniosek o zasiłek opiekuńczy z powodu opieki nad dzieckiem',
      en: 'ZUS Z-15A — Application for care allowance (caring for a child)',
      uk: 'ZUS Z-15A — Заява про допомогу по догляду за дитиною',
    },
  },
  {
    code: 'ZAS-53',
    names: {
      pl: 'ZUS ZAS-53 — Wniosek o zasiłek chorobowy',
      en: 'ZUS ZAS-53 — Application for sickness allowance',
      uk: 'ZUS ZAS-53 — Заява про допомогу у зв’язку з хворобою',
    },
  },
  {
    code: 'ERP-7',
    names: {
      pl: 'ZUS ERP-7 — Zaświadczenie o zatrudnieniu i wynagrodzeniu',
      en: 'ZUS ERP-7 — Certificate of employment and pay',
      uk: 'ZUS ERP-7 — Довідка про працевлаштування та заробітну плату',
    },
  },
  {
    code: 'Rp-1E',
    names: {
      pl: 'ZUS Rp-1E — Wniosek o emeryturę',
      en: 'ZUS Rp-1E — Application for a retirement pension',
      uk: 'ZUS Rp-1E — Заява про призначення пенсії за віком',
    },
  },
  {
    code: 'ZUA',
    names: {
      pl: 'ZUS ZUA — Zgłoszenie do ubezpieczeń / zmiana danych osoby ubezpieczonej',
      en: 'ZUS ZUA — Registration for insurance / change of the insured person’s data',
      uk: 'ZUS ZUA — Реєстрація у страхуванні / зміна даних застрахованої особи',
    },
  },
  {
    code: 'pismo',
    names: {
      pl: 'Pismo ogólne',
      en: 'General letter',
      uk: 'Загальний лист',
    },
  },
];

/** The form with this code, if the kiosk offers it. */
export function findForm(code: string): DocumentForm | undefined {
  return documentForms.find((f) => f.code === code);
}
