import { decodeFrames, serialLedTransport } from '../src/index';
import type { LedTransport } from '../src/index';
import type { LedFrame } from '@skr/protocol/led-board';
import type { LedBoardEmulator } from '@skr/hardware-mocks/led-board/index';

/** What the contract suite runs against: the emulator, or real boards on a real port. */
export interface LedTarget {
  name: string;
  devicePath: string;
  /** Two boards that answer. */
  live: [number, number];
  /** Two addresses where nothing answers. */
  dead: [number, number];
  /** Present for the emulator only: fault injection and a view of each board's text. */
  emulator?: LedBoardEmulator;
  close(): Promise<void>;
}

/** A serial transport that also records every frame the driver wrote, to count them. */
export function recordingTransport(path: string): { transport: LedTransport; written: LedFrame[] } {
  const inner = serialLedTransport({ path, baudRate: 9600 });
  const written: LedFrame[] = [];
  const transport: LedTransport = {
    async write(bytes) {
      for (const e of decodeFrames(bytes).events) if (e.type === 'frame') written.push(e.frame);
      await inner.write(bytes);
    },
    onData: (listener) => inner.onData(listener),
    close: () => inner.close(),
  };
  return { transport, written };
}

/** Frames the driver sent to one address. */
export function sentTo(written: LedFrame[], address: number): LedFrame[] {
  return written.filter((f) => f.address === address);
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` until it is true or `timeoutMs` passes; returns whether it became true. */
export async function eventually(check: () => boolean, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}
