/** Languages the announcer speaks; Polish first. */
export const LANGS = ['pl', 'en', 'uk'] as const;
/** One of the announcer's languages. */
export type Lang = (typeof LANGS)[number];

/** Grammatical gender a numeral agrees with (m = masculine, f = feminine, n = neuter). */
export type Gender = 'm' | 'f' | 'n';

/** Options for `numberToWords`. */
export interface NumberWordsOptions {
  /** Ordinal ("siódme") instead of cardinal ("siedem"). */
  ordinal?: boolean;
  /** Gender of the noun the numeral agrees with; masculine when omitted. */
  gender?: Gender;
}

/** A text-to-speech engine: turns one phrase into a WAV file in memory. */
export interface SpeechEngine {
  /** Stable name, part of every cache key ("espeak-ng", "say", "text2wav"). */
  readonly id: string;
  /** Voice settings that change the audio; part of the cache key so a change re-renders. */
  readonly variant?: string;
  /** Languages this engine can speak with its current voices. */
  readonly langs: readonly Lang[];
  /** True when the engine can run on this machine (binary present, platform supported). */
  available(): Promise<boolean>;
  /** WAV bytes for `text`; rejects with SkrError UNAVAILABLE or TIMEOUT. */
  synthesize(text: string, lang: Lang): Promise<Buffer>;
  /** Releases workers or child processes; pending syntheses reject. */
  close?(): Promise<void>;
}

/** Structured logger the announcer writes to (pino's Logger fits). */
export interface AnnouncerLog {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
