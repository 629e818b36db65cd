import type { PrintLang } from '@skr/protocol/printer';

// Labels of the answer summary (the letter from ZUS opened at the kiosk), per language. Kept
// beside labels.ts rather than in it: one layout's words, changed together with that layout.

/** Every label the answer summary prints. */
interface LetterLabels {
  heading: string;
  date: string;
  sender: string;
  reference: string;
  updId: string;
  updAt: string;
  /** Where the full letter is. */
  fullText: string;
}

/** The answer summary's labels by language. */
export const letterLabels: Record<PrintLang, LetterLabels> = {
  pl: {
    heading: 'Pismo z ZUS',
    date: 'Data pisma',
    sender: 'Nadawca',
    reference: 'Znak sprawy',
    updId: 'Nr UPD',
    updAt: 'Odebrano (UPD)',
    fullText: 'Pełna treść pisma: PUE/eZUS, Skrzynka odbiorcza.',
  },
  en: {
    heading: 'Letter from ZUS',
    date: 'Letter date',
    sender: 'From',
    reference: 'Case reference',
    updId: 'UPD no.',
    updAt: 'Received (UPD)',
    fullText: 'Full letter: PUE/eZUS, Inbox.',
  },
  uk: {
    heading: 'Лист від ZUS',
    date: 'Дата листа',
    sender: 'Відправник',
    reference: 'Номер справи',
    updId: 'Номер UPD',
    updAt: 'Отримано (UPD)',
    fullText: 'Повний текст листа: PUE/eZUS, Вхідні.',
  },
};
