import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as polish from '@zxcvbn-ts/language-pl';
import { SkrError, type Lang } from '@skr/protocol';

/** Fewest characters (code points) a staff password may have. */
const MIN_PASSWORD_LENGTH = 12;
/**
 * Most characters a staff password may have. 64 is what NIST SP 800-63B asks verifiers to take,
 * and it bounds the strength estimate (its time grows steeply with length) to ~0.15 s.
 */
const MAX_PASSWORD_LENGTH = 64;
/** Lowest zxcvbn score (0–4) accepted: 3 means ~10^8–10^10 guesses, safe against online guessing. */
const MIN_PASSWORD_SCORE = 3;

/** Why a staff password is refused. */
type PasswordProblem = 'too-short' | 'too-long' | 'contains-username' | 'too-weak';

const MESSAGES: Record<PasswordProblem, Record<Lang, string>> = {
  'too-short': {
    pl: `Hasło musi mieć co najmniej ${MIN_PASSWORD_LENGTH} znaków.`,
    en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    uk: `Пароль має містити щонайменше ${MIN_PASSWORD_LENGTH} символів.`,
  },
  'too-long': {
    pl: `Hasło może mieć najwyżej ${MAX_PASSWORD_LENGTH} znaki.`,
    en: `The password may have at most ${MAX_PASSWORD_LENGTH} characters.`,
    uk: `Пароль може містити не більше ${MAX_PASSWORD_LENGTH} символів.`,
  },
  'contains-username': {
    pl: 'Hasło nie może zawierać nazwy użytkownika.',
    en: 'The password must not contain the user name.',
    uk: "Пароль не може містити ім'я користувача.",
  },
  'too-weak': {
    pl: 'Hasło jest zbyt łatwe do odgadnięcia (powtórzenia, ciągi cyfr, popularne słowa). Użyj kilku niepowiązanych słów lub dłuższego, mniej przewidywalnego hasła.',
    en: 'The password is too easy to guess (repeats, digit runs, common words). Use several unrelated words or a longer, less predictable password.',
    uk: 'Пароль надто легко вгадати (повтори, послідовності цифр, поширені слова). Використайте кілька непов’язаних слів або довший, менш передбачуваний пароль.',
  },
};

/** The message for a refused password in the reader's language (Polish first). */
export function passwordProblemMessage(problem: PasswordProblem, lang: Lang = 'pl'): string {
  return MESSAGES[problem][lang];
}

// Built on first use: loading the dictionaries takes ~0.2 s, which only a password change pays.
let estimator: ZxcvbnFactory | undefined;
function strength(password: string, hints: string[]): number {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...polish.dictionary },
    graphs: common.adjacencyGraphs,
    // Each extra leet substitution multiplies the work; 2 keeps the worst 64-character case
    // near 0.15 s while still catching "P@ssw0rd"-style variants.
    l33tMaxSubstitutions: 2,
  });
  return estimator.check(password, hints).score;
}

/** Lower-case, compatibility-normalised, without Polish diacritics ("Łucja" ~ "lucja"). */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();
}

/**
 * What is wrong with `password` as the staff password of `username`, or null when it passes:
 * 12–64 characters, not containing the user name, and a zxcvbn strength score of at least 3
 * (with the common and Polish dictionaries, the user name and the system's own words as hints).
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = [...password.normalize('NFKC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  const user = fold(username.trim());
  if (user.length >= 3 && fold(password).includes(user)) return 'contains-username';
  const hints = [username, 'zus', 'skr', 'kolejka', 'oddzial', 'urzednik', 'kierownik', 'admin'];
  if (strength(password, hints) < MIN_PASSWORD_SCORE) return 'too-weak';
  return null;
}

/** Throws INVALID with a Polish reason (and `details.reason`) unless the password passes. */
export function assertStaffPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem)
    throw new SkrError('INVALID', passwordProblemMessage(problem, 'pl'), {
      details: { field: 'password', reason: problem },
    });
}
