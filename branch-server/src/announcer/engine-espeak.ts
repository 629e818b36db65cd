import { runProcess } from './run-process';
import { SkrError } from '@skr/protocol/errors';
import type { Lang, SpeechEngine } from './types';

/** Options of the espeak-ng engine. */
export interface EspeakOptions {
  /** Binary to run; `espeak-ng` on the PATH by default. */
  bin?: string;
  /** espeak-ng voice per language. */
  voices?: Partial<Record<Lang, string>>;
  /** Words per minute; a little slower than espeak's 175 so numbers are easy to catch. */
  speed?: number;
  timeoutMs?: number;
}

const DEFAULT_VOICES: Record<Lang, string> = { pl: 'pl', en: 'en-gb', uk: 'uk' };

/**
 * espeak-ng 1.51 reads an apostrophe as a closing quote and pauses after the word, which breaks
 * Ukrainian numerals ("п'ятдесят"); without it the phonemes are the same, so it is dropped.
 */
export function espeakText(text: string, lang: Lang): string {
  return lang === 'uk' ? text.replace(/(?<=\p{L})['’ʼ](?=\p{L})/gu, '') : text;
}

/** espeak-ng as a child process writing a WAV to stdout (Linux; also runs on Windows/macOS). */
export function espeakEngine(opts: EspeakOptions = {}): SpeechEngine {
  const bin = opts.bin ?? 'espeak-ng';
  const voices = { ...DEFAULT_VOICES, ...opts.voices };
  const speed = opts.speed ?? 160;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let availability: Promise<boolean> | undefined;
  return {
    id: 'espeak-ng',
    variant: `${voices.pl}/${voices.en}/${voices.uk}@${speed}`,
    langs: ['pl', 'en', 'uk'],
    available() {
      availability ??= runProcess(bin, ['--version'], { timeoutMs: 5000 }).then(
        () => true,
        () => false,
      );
      return availability;
    },
    async synthesize(text, lang) {
      // Text goes through stdin so nothing in it can be taken for an option.
      const wav = await runProcess(
        bin,
        ['-v', voices[lang], '-s', String(speed), '--stdin', '--stdout'],
        {
          input: espeakText(text, lang),
          timeoutMs,
        },
      );
      if (wav.length <= 44)
        throw new SkrError('UNAVAILABLE', `espeak-ng produced no audio for ${lang}`);
      return wav;
    },
  };
}
