import { SkrError } from '@skr/protocol/errors';
import { espeakEngine } from './engine-espeak';
import { sayEngine } from './engine-say';
import { text2wavEngine } from './engine-text2wav';
import type { SpeechEngine } from './types';

/** Engine factories by id, in the default order of preference. */
export const ENGINES: Record<string, () => SpeechEngine> = {
  'espeak-ng': () => espeakEngine(),
  say: () => sayEngine(),
  text2wav: () => text2wavEngine(),
};

/**
 * The first available engine of `preferred` (ids of ENGINES; default espeak-ng, say, text2wav).
 * Rejects with SkrError UNAVAILABLE when none can run here.
 */
export async function pickEngine(
  preferred: readonly string[] = Object.keys(ENGINES),
): Promise<SpeechEngine> {
  for (const id of preferred) {
    const make = ENGINES[id];
    if (!make) throw new Error(`Unknown speech engine: ${id}`);
    const engine = make();
    if (await engine.available()) return engine;
    await engine.close?.();
  }
  throw new SkrError('UNAVAILABLE', `No speech engine available among: ${preferred.join(', ')}`);
}
