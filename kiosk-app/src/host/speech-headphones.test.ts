import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInputEventJack,
  findHeadphoneEventDevice,
  headphoneEvent,
  inputEvent,
} from './speech-headphones';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('headphone jack from Linux input events', () => {
  it('follows SW_HEADPHONE_INSERT across split chunks, ignores other events and repeats', async () => {
    const source = new PassThrough();
    const jack = createInputEventJack(source);
    const seen: boolean[] = [];
    jack.onChange((v) => seen.push(v));
    expect(jack.plugged()).toBeNull();
    const bytes = Buffer.concat([
      inputEvent(0x01, 30, 1), // a key
      headphoneEvent(true),
      inputEvent(0x00, 0, 0), // sync
      headphoneEvent(true), // no change
      inputEvent(0x05, 0x06, 1), // line-out, not headphones
      headphoneEvent(false),
    ]);
    source.write(bytes.subarray(0, 30));
    source.write(bytes.subarray(30, 77));
    source.write(bytes.subarray(77));
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([true, false]);
    expect(jack.plugged()).toBe(false);
    jack.close();
    expect(source.destroyed).toBe(true);
  });

  it('finds the jack device in /proc/bus/input/devices, or none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skr-jack-'));
    dirs.push(dir);
    const devices = join(dir, 'devices');
    writeFileSync(
      devices,
      [
        'I: Bus=0019 Vendor=0000 Product=0001 Version=0000\nN: Name="Power Button"\nH: Handlers=kbd event0',
        'I: Bus=0000 Vendor=0000 Product=0000 Version=0000\nN: Name="HDA Intel PCH Headphone"\nP: Phys=ALSA\nH: Handlers=event7 \nB: EV=21\nB: SW=4',
      ].join('\n\n'),
    );
    expect(findHeadphoneEventDevice(devices)).toBe('/dev/input/event7');
    writeFileSync(devices, 'N: Name="Power Button"\nH: Handlers=kbd event0\n');
    expect(findHeadphoneEventDevice(devices)).toBeNull();
    expect(findHeadphoneEventDevice(join(dir, 'missing'))).toBeNull();
  });
});
