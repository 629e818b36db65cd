import { SkrError } from '@skr/protocol/errors';

// Minimal RIFF/WAVE reading and writing. Every engine's output is normalised to 16-bit mono PCM
// so segments from cache can be joined by plain concatenation. Written by hand because the job
// is ~100 lines and the npm WAV packages either pull in large dependency trees or do not read
// espeak-ng's streamed header, whose size fields say 0x7ffff000 ("unknown").

/** 16-bit mono PCM with its sample rate. */
export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

/** Decodes a PCM (format 1, 8/16/24/32-bit) or IEEE-float (format 3) WAV into 16-bit mono. */
export function decodeWav(wav: Uint8Array): Pcm {
  const buf = Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength);
  if (
    buf.length < 12 ||
    buf.toString('ascii', 0, 4) !== 'RIFF' ||
    buf.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new SkrError('INVALID', 'Not a RIFF/WAVE file');
  }
  let format = 0;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  let pos = 12;
  while (pos + 8 <= buf.length) {
    const id = buf.toString('ascii', pos, pos + 4);
    const declared = buf.readUInt32LE(pos + 4);
    const start = pos + 8;
    // Streamed WAVs (espeak-ng --stdout) declare a huge size: take what is there.
    const size = Math.min(declared, buf.length - start);
    if (id === 'fmt ') {
      format = buf.readUInt16LE(start);
      channels = buf.readUInt16LE(start + 2);
      sampleRate = buf.readUInt32LE(start + 4);
      bits = buf.readUInt16LE(start + 14);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format in the sub-format GUID.
      if (format === 0xfffe && size >= 26) format = buf.readUInt16LE(start + 24);
    } else if (id === 'data') {
      if (!sampleRate || !channels) throw new SkrError('INVALID', 'WAV data before fmt chunk');
      return {
        sampleRate,
        samples: toMono16(buf.subarray(start, start + size), format, bits, channels),
      };
    }
    pos = start + size + (size % 2);
  }
  throw new SkrError('INVALID', 'WAV without data chunk');
}

function toMono16(data: Buffer, format: number, bits: number, channels: number): Int16Array {
  if (format === 1 && bits === 16 && channels === 1) {
    // Fast path for espeak-ng's own format: one copy, which also fixes odd byte alignment.
    const copy = new Uint8Array(data.length - (data.length % 2));
    copy.set(data.subarray(0, copy.length));
    return new Int16Array(copy.buffer);
  }
  const bytes = bits / 8;
  const frames = Math.floor(data.length / (bytes * channels));
  const out = new Int16Array(frames);
  const read = (off: number): number => {
    if (format === 3 && bits === 32) return data.readFloatLE(off);
    if (format === 3 && bits === 64) return data.readDoubleLE(off);
    if (format !== 1) throw new SkrError('INVALID', `Unsupported WAV format ${format}`);
    if (bits === 16) return data.readInt16LE(off) / 32768;
    if (bits === 8) return (data.readUInt8(off) - 128) / 128;
    if (bits === 24) return data.readIntLE(off, 3) / 8388608;
    if (bits === 32) return data.readInt32LE(off) / 2147483648;
    throw new SkrError('INVALID', `Unsupported WAV bit depth ${bits}`);
  };
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += read((f * channels + c) * bytes);
    out[f] = Math.max(-32768, Math.min(32767, Math.round((sum / channels) * 32768)));
  }
  return out;
}

/** Linear-interpolation resampling; only used if an engine's rate differs between phrases. */
export function resample(pcm: Pcm, sampleRate: number): Pcm {
  if (pcm.sampleRate === sampleRate) return pcm;
  const ratio = pcm.sampleRate / sampleRate;
  const n = Math.floor(pcm.samples.length / ratio);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const x = i * ratio;
    const i0 = Math.floor(x);
    const a = pcm.samples[i0] ?? 0;
    const b = pcm.samples[i0 + 1] ?? a;
    out[i] = Math.round(a + (b - a) * (x - i0));
  }
  return { sampleRate, samples: out };
}

/** `ms` of silence at `sampleRate`. */
export function silence(ms: number, sampleRate: number): Pcm {
  return { sampleRate, samples: new Int16Array(Math.round((ms * sampleRate) / 1000)) };
}

/**
 * The PCM without the silence an engine leaves before and after speech (below `floor` of full
 * scale), keeping `keepMs` on each side: joined short phrases then follow each other closely.
 */
export function trimSilence(pcm: Pcm, keepMs: number, floor = 0.01): Pcm {
  const level = floor * 32767;
  const s = pcm.samples;
  let first = 0;
  while (first < s.length && Math.abs(s[first]!) <= level) first++;
  if (first === s.length) return pcm;
  let last = s.length - 1;
  while (last > first && Math.abs(s[last]!) <= level) last--;
  const keep = Math.round((keepMs * pcm.sampleRate) / 1000);
  const from = Math.max(0, first - keep);
  const to = Math.min(s.length, last + 1 + keep);
  return { sampleRate: pcm.sampleRate, samples: s.subarray(from, to) };
}

/** Joins PCM pieces at the first piece's sample rate. */
export function concatPcm(parts: readonly Pcm[]): Pcm {
  const first = parts[0];
  if (!first) throw new Error('concatPcm needs at least one part');
  const same = parts.map((p) => resample(p, first.sampleRate));
  const out = new Int16Array(same.reduce((n, p) => n + p.samples.length, 0));
  let at = 0;
  for (const p of same) {
    out.set(p.samples, at);
    at += p.samples.length;
  }
  return { sampleRate: first.sampleRate, samples: out };
}

/** A canonical 44-byte-header 16-bit mono WAV with correct size fields. */
export function encodeWav(pcm: Pcm): Buffer {
  const dataBytes = pcm.samples.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(pcm.sampleRate, 24);
  out.writeUInt32LE(pcm.sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, dataBytes).copy(out, 44);
  return out;
}

/** Duration of `pcm` in milliseconds. */
export function durationMs(pcm: Pcm): number {
  return (pcm.samples.length * 1000) / pcm.sampleRate;
}
