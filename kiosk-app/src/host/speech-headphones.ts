import { createReadStream, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';

// Plugging headphones into the kiosk starts speech mode (issue 17, EN 301 549 5.1.3.x), where
// the hardware reports it. On Linux the sound card's jack is an input device whose switch
// events (EV_SW / SW_HEADPHONE_INSERT) say "plugged" and "unplugged"; the driver reads those
// bytes from a stream it is given, so a test hands it a PassThrough instead of /dev/input.

/** The headphone jack of the kiosk: plugged or not, and when that changes. */
export interface HeadphoneJack {
  /** Last known state; `null` until the first event (the kernel is not asked at start). */
  plugged(): boolean | null;
  /** Calls `cb` on every change; returns the unsubscribe. */
  onChange(cb: (plugged: boolean) => void): () => void;
  /** Stops reading; pending listeners are dropped, no more calls after it. */
  close(): void;
}

// struct input_event on 64-bit Linux: struct timeval (2 × 8 bytes), u16 type, u16 code, s32 value.
const EVENT_SIZE = 24;
const EV_SW = 0x05;
const SW_HEADPHONE_INSERT = 0x02;

/** One `input_event` as the kernel writes it (for tests and the emulator). */
export function inputEvent(type: number, code: number, value: number): Buffer {
  const b = Buffer.alloc(EVENT_SIZE);
  b.writeUInt16LE(type, 16);
  b.writeUInt16LE(code, 18);
  b.writeInt32LE(value, 20);
  return b;
}

/** The event the kernel sends when headphones are plugged in (`true`) or pulled (`false`). */
export function headphoneEvent(plugged: boolean): Buffer {
  return inputEvent(EV_SW, SW_HEADPHONE_INSERT, plugged ? 1 : 0);
}

/**
 * Reads Linux input events from `source` and follows the headphone switch. Bytes may arrive
 * in any split; other events (keys, sync, line-out) are ignored. A stream error or its end
 * leaves the last state in place: speech mode is never switched off by a failing reader.
 */
export function createInputEventJack(source: Readable): HeadphoneJack {
  let state: boolean | null = null;
  let rest = Buffer.alloc(0);
  const listeners = new Set<(plugged: boolean) => void>();
  source.on('data', (chunk: Buffer) => {
    rest = Buffer.concat([rest, chunk]);
    while (rest.length >= EVENT_SIZE) {
      const type = rest.readUInt16LE(16);
      const code = rest.readUInt16LE(18);
      const value = rest.readInt32LE(20);
      rest = rest.subarray(EVENT_SIZE);
      if (type !== EV_SW || code !== SW_HEADPHONE_INSERT) continue;
      const now = value !== 0;
      if (now === state) continue;
      state = now;
      for (const l of listeners) l(now);
    }
  });
  source.on('error', () => undefined);
  return {
    plugged: () => state,
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    close() {
      listeners.clear();
      source.destroy();
    },
  };
}

/**
 * The input device of the sound card's headphone jack, from /proc/bus/input/devices: a device
 * named "… Headphone …" (HDA codecs call it "HDA Intel PCH Headphone"); `null` if none.
 */
export function findHeadphoneEventDevice(devices = '/proc/bus/input/devices'): string | null {
  let text: string;
  try {
    text = readFileSync(devices, 'utf8');
  } catch {
    return null;
  }
  for (const block of text.split(/\n\s*\n/)) {
    if (!/^N: Name=".*(Headphone|Headset).*"$/im.test(block)) continue;
    const handler = /^H: Handlers=.*\b(event\d+)\b/m.exec(block)?.[1];
    if (handler) return `/dev/input/${handler}`;
  }
  return null;
}

/**
 * The kiosk's jack: `SKR_HEADPHONE_EVENT_DEVICE` if set ("none" for no jack), else the one found
 * in /proc; `null` where the hardware does not report headphones.
 */
export function openHeadphoneJack(env = process.env): HeadphoneJack | null {
  const configured = env.SKR_HEADPHONE_EVENT_DEVICE;
  if (configured === 'none') return null;
  const path = configured ?? findHeadphoneEventDevice();
  if (!path) return null;
  // No permission (the kiosk user is not in group "input") or no device: the stream errors,
  // the jack never reports, and speech mode stays on its button and key.
  return createInputEventJack(createReadStream(path));
}
