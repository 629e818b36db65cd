import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SkrError } from '@skr/protocol/errors';
import type { Lang, SpeechEngine } from './types';

/** Options of the `say` engine (system voices on Windows and macOS). */
export interface SayOptions {
  /** Installed voice per language; the system default voice is used when missing. */
  voices?: Partial<Record<Lang, string>>;
  /** Speed factor, 1 = normal. */
  speed?: number;
  /** Platform to assume; `process.platform` by default (tests pass 'linux'). */
  platform?: NodeJS.Platform;
}

// Voices that ship with Windows 10/11 (SAPI) and macOS for our languages.
// Only Polish is named on Windows: other languages need a language pack, so they use the
// system default voice unless configured.
const WINDOWS_VOICES: Partial<Record<Lang, string>> = { pl: 'Microsoft Paulina Desktop' };
const MAC_VOICES: Partial<Record<Lang, string>> = { pl: 'Zosia', en: 'Daniel', uk: 'Lesya' };

/**
 * The npm `say` package: SAPI on Windows, `say` on macOS. On Linux it goes through festival,
 * which has no Polish voice and cannot export audio, so there it reports itself unavailable.
 */
export function sayEngine(opts: SayOptions = {}): SpeechEngine {
  const platform = opts.platform ?? process.platform;
  const supported = platform === 'win32' || platform === 'darwin';
  const voices = { ...(platform === 'darwin' ? MAC_VOICES : WINDOWS_VOICES), ...opts.voices };
  return {
    id: 'say',
    variant: `${platform}:${voices.pl ?? ''}/${voices.en ?? ''}/${voices.uk ?? ''}@${opts.speed ?? 1}`,
    langs: supported ? ['pl', 'en', 'uk'] : [],
    available: () => Promise.resolve(supported),
    async synthesize(text, lang) {
      if (!supported) throw new SkrError('UNAVAILABLE', `say cannot export audio on ${platform}`);
      const { default: say } = await import('say');
      const file = join(tmpdir(), `skr-say-${randomUUID()}.wav`);
      try {
        await new Promise<void>((resolve, reject) => {
          say.export(text, voices[lang], opts.speed ?? 1, file, (err) =>
            err ? reject(new SkrError('UNAVAILABLE', `say failed: ${String(err)}`)) : resolve(),
          );
        });
        // macOS writes 32-bit float WAV; decodeWav normalises it to 16-bit.
        return await readFile(file);
      } finally {
        await rm(file, { force: true });
      }
    },
  };
}
