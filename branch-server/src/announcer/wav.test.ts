import { describe, expect, it } from 'vitest';
import { chimePcm } from './chime';
import { soxStat } from './sox-stat';
import { concatPcm, decodeWav, durationMs, encodeWav, resample, silence, trimSilence } from './wav';

function header(
  format: number,
  channels: number,
  rate: number,
  bits: number,
  dataBytes: number,
): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(format, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE((rate * channels * bits) / 8, 28);
  h.writeUInt16LE((channels * bits) / 8, 32);
  h.writeUInt16LE(bits, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

describe('trimSilence', () => {
  it('cuts the silence around speech down to the margin kept, and leaves silence alone', () => {
    const rate = 1000;
    const speech = new Int16Array(100).fill(8000);
    const padded = concatPcm([
      silence(300, rate),
      { sampleRate: rate, samples: speech },
      silence(400, rate),
    ]);
    const t = trimSilence(padded, 50);
    expect(t.samples.length).toBe(50 + 100 + 50);
    expect(t.samples[50]).toBe(8000);
    expect(t.samples[49]).toBe(0);
    expect(trimSilence(silence(200, rate), 50).samples.length).toBe(200);
  });
});

describe('wav', () => {
  it('round-trips 16-bit mono', () => {
    const pcm = { sampleRate: 22050, samples: Int16Array.from([0, 1000, -1000, 32767, -32768]) };
    const wav = encodeWav(pcm);
    expect(wav.length).toBe(44 + 10);
    expect(wav.readUInt32LE(4)).toBe(36 + 10);
    expect(decodeWav(wav)).toEqual(pcm);
  });

  it('reads a streamed header whose sizes say "unknown" (espeak-ng --stdout)', () => {
    const data = Buffer.alloc(6);
    data.writeInt16LE(5, 0);
    data.writeInt16LE(-5, 2);
    data.writeInt16LE(7, 4);
    const wav = Buffer.concat([header(1, 1, 22050, 16, 0x7ffff000), data]);
    expect(Array.from(decodeWav(wav).samples)).toEqual([5, -5, 7]);
  });

  it('converts 32-bit float stereo (macOS say) to 16-bit mono', () => {
    const data = Buffer.alloc(16);
    data.writeFloatLE(0.5, 0);
    data.writeFloatLE(0.5, 4);
    data.writeFloatLE(-1, 8);
    data.writeFloatLE(0, 12);
    const pcm = decodeWav(Buffer.concat([header(3, 2, 32000, 32, 16), data]));
    expect(pcm.sampleRate).toBe(32000);
    expect(Array.from(pcm.samples)).toEqual([16384, -16384]);
  });

  it('rejects what is not a WAV', () => {
    expect(() => decodeWav(Buffer.from('hello world, not a wav'))).toThrow(/RIFF/);
  });

  it('joins at the first rate, resampling the others', () => {
    const a = { sampleRate: 22050, samples: new Int16Array(2205) };
    const b = { sampleRate: 44100, samples: new Int16Array(4410) };
    const joined = concatPcm([a, silence(100, 22050), b]);
    expect(joined.sampleRate).toBe(22050);
    expect(durationMs(joined)).toBeCloseTo(300, 0);
    expect(resample(b, 22050).samples.length).toBe(2205);
  });

  it('the chime is ~0.9 s, audible and not clipped (sox stat)', async () => {
    const stat = await soxStat(encodeWav(chimePcm()));
    expect(stat.lengthSeconds).toBeCloseTo(0.9, 2);
    expect(stat.maximumAmplitude).toBeGreaterThan(0.2);
    expect(stat.maximumAmplitude).toBeLessThan(0.95);
    expect(stat.rmsAmplitude).toBeGreaterThan(0.02);
  });
});
