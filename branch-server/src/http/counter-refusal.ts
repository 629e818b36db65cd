import type { Lang } from '@skr/protocol';

// The manager's counters editor shows the server's message as it is, so a refused counter
// number says which counter already has it, in the manager's language.
const texts = {
  'counter-number-taken': {
    pl: 'Numer {sign} ma już stanowisko „{name}”. Wybierz inny numer stanowiska.',
    en: 'Number {sign} already belongs to counter “{name}”. Choose another counter number.',
    uk: 'Номер {sign} вже має робоче місце «{name}». Виберіть інший номер.',
  },
  'counter-sign-taken': {
    pl: 'Oznaczenie {sign} ma już stanowisko „{name}”. Wybierz inne oznaczenie.',
    en: 'The sign {sign} already belongs to counter “{name}”. Choose another label.',
    uk: 'Позначення {sign} вже має робоче місце «{name}». Виберіть інше позначення.',
  },
} as const;

/** The message of a refused counter number or label (details of a CONFLICT), or undefined. */
export function counterRefusalText(d: Record<string, unknown>, lang: Lang): string | undefined {
  if (d.reason !== 'counter-number-taken' && d.reason !== 'counter-sign-taken') return undefined;
  const sign = d.reason === 'counter-number-taken' ? d.number : d.sign;
  return texts[d.reason][lang]
    .replace('{sign}', String(sign))
    .replace('{name}', String(d.counterName));
}
