import type { Pcm } from './wav';

/** Options of the two-tone chime; defaults give a soft "ding-dong" of ~0.9 s. */
interface ChimeOptions {
  sampleRate?: number;
  /** Frequencies of the two tones in Hz (a falling major third by default). */
  tones?: [number, number];
  toneMs?: number;
  /** Peak amplitude 0..1; kept below the speech peak so the chime does not startle. */
  volume?: number;
}

/**
 * A two-tone chime synthesised in code (no asset to ship or license): each tone is a sine with
 * its octave overtone and an exponential decay, like a struck bar; short fades avoid clicks.
 */
export function chimePcm(opts: ChimeOptions = {}): Pcm {
  const sampleRate = opts.sampleRate ?? 22050;
  const [f1, f2] = opts.tones ?? [659.25, 523.25]; // E5, C5
  const toneMs = opts.toneMs ?? 450;
  const volume = opts.volume ?? 0.5;
  const toneLen = Math.round((toneMs * sampleRate) / 1000);
  const fade = Math.round(sampleRate * 0.005);
  const samples = new Int16Array(toneLen * 2);
  [f1, f2].forEach((freq, t) => {
    for (let i = 0; i < toneLen; i++) {
      const time = i / sampleRate;
      const envelope = Math.exp(-time * 5) * Math.min(1, i / fade, (toneLen - i) / fade);
      const wave =
        0.8 * Math.sin(2 * Math.PI * freq * time) + 0.2 * Math.sin(4 * Math.PI * freq * time);
      samples[t * toneLen + i] = Math.round(wave * envelope * volume * 32767);
    }
  });
  return { sampleRate, samples };
}
