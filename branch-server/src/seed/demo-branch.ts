import type { Counter, Service } from '@skr/protocol';

const svc = (
  id: string,
  prefix: string,
  group: string,
  order: number,
  targetWaitMinutes: number,
  pl: string,
  en: string,
  uk: string,
  descriptions: Service['descriptions'],
): Service => ({
  id,
  prefix,
  names: { pl, en, uk },
  descriptions,
  group,
  order,
  targetWaitMinutes,
  active: true,
});

/** The services of a ZUS branch hall (from the seeds: insured, beneficiaries, payers, PUE). */
export const demoServices: Service[] = [
  svc('emerytury', 'A', 'swiadczenia', 1, 20, 'Emerytury i renty', 'Pensions', 'Пенсії', {
    pl: 'Wnioski, wyliczenia, kapitał początkowy',
    en: 'Applications, calculations, initial capital',
    uk: 'Заяви, розрахунки, початковий капітал',
  }),
  svc('zasilki', 'B', 'swiadczenia', 2, 15, 'Zasiłki', 'Benefits and allowances', 'Допомоги', {
    pl: 'Chorobowy, macierzyński, opiekuńczy',
    en: 'Sickness, maternity, care allowance',
    uk: 'Лікарняні, декретні, по догляду',
  }),
  svc(
    'skladki',
    'C',
    'platnicy',
    1,
    15,
    'Składki i płatnicy',
    'Contributions and payers',
    'Внески і платники',
    {
      pl: 'Rozliczenia, ulgi, zaświadczenia dla firm',
      en: 'Settlements, relief, certificates for businesses',
      uk: 'Розрахунки, пільги, довідки для підприємств',
    },
  ),
  svc(
    'ubezpieczenia',
    'D',
    'ubezpieczeni',
    1,
    15,
    'Ubezpieczenia i konto',
    'Insurance and account',
    'Страхування і рахунок',
    {
      pl: 'Stan konta, zgłoszenia, dane archiwalne',
      en: 'Account balance, registrations, archival data',
      uk: 'Стан рахунку, реєстрація, архівні дані',
    },
  ),
  svc(
    'pue-profil',
    'E',
    'ubezpieczeni',
    2,
    10,
    'Profil PUE / eZUS',
    'PUE / eZUS profile',
    'Профіль PUE / eZUS',
    {
      pl: 'Założenie i potwierdzenie profilu, logowanie',
      en: 'Create and confirm a profile, log-in help',
      uk: 'Створення і підтвердження профілю, вхід',
    },
  ),
  svc(
    'orzecznictwo',
    'F',
    'swiadczenia',
    3,
    20,
    'Orzecznictwo lekarskie',
    'Medical certification',
    'Медична експертиза',
    {
      pl: 'Badania, orzeczenia, zwolnienia lekarskie',
      en: 'Examinations, rulings, sick notes',
      uk: 'Огляди, висновки, лікарняні листи',
    },
  ),
  svc(
    'dokumenty',
    'G',
    'ogolne',
    1,
    5,
    'Złożenie dokumentów',
    'Hand in documents',
    'Подання документів',
    {
      pl: 'Tylko złożenie pisma lub wniosku',
      en: 'Only hand in a letter or application',
      uk: 'Лише подати лист або заяву',
    },
  ),
  svc(
    'ogolne',
    'H',
    'ogolne',
    2,
    10,
    'Informacja ogólna',
    'General information',
    'Загальна інформація',
    {
      pl: 'Pytania, formularze, pomoc',
      en: 'Questions, forms, help',
      uk: 'Питання, бланки, допомога',
    },
  ),
];

/** Twelve counters: each serves a few services, its main one with the highest weight. */
export const demoCounters: Counter[] = (
  [
    { emerytury: 3, orzecznictwo: 1 },
    { emerytury: 3, zasilki: 1 },
    { emerytury: 2, ogolne: 1 },
    { zasilki: 3, orzecznictwo: 1 },
    { zasilki: 3, dokumenty: 1 },
    { skladki: 3, ubezpieczenia: 1 },
    { skladki: 3 },
    { ubezpieczenia: 3, 'pue-profil': 2 },
    { 'pue-profil': 3, ogolne: 1 },
    { orzecznictwo: 3, emerytury: 1 },
    { dokumenty: 3, ogolne: 2 },
    { ogolne: 2, dokumenty: 2, ubezpieczenia: 1 },
  ] as Record<string, number>[]
).map((skills, i) => ({
  id: i + 1,
  number: i + 1,
  label: null,
  name: `Stanowisko ${i + 1}`,
  skills,
  state: 'closed' as const,
  pauseReason: null,
  clerk: null,
}));

/** The demo services' ids in hall order: the one fixture tests, the soak and screenshots draw from. */
export const demoServiceIds: readonly string[] = demoServices.map((s) => s.id);
