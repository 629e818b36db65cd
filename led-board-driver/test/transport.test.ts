import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedBoardEmulator } from '@skr/hardware-mocks/led-board/index';
import { isSkrError } from '@skr/protocol/errors';
import { createLedBus, serialLedTransport } from '../src/index';

// A missing adapter (unplugged USB-RS-485) must surface as DISCONNECTED on the call, not as
// an unhandled 'error' event, and must not make the bus spin on retries.
describe('serial LED transport without a port', () => {
  it('rejects writes and show() with DISCONNECTED', async () => {
    const path = join(tmpdir(), `skr-no-such-port-${process.pid}`);
    const transport = serialLedTransport({ path });
    expect(
      isSkrError(await transport.write(Uint8Array.of(1)).catch((e: unknown) => e), 'DISCONNECTED'),
    ).toBe(true);
    const bus = createLedBus({ transport: serialLedTransport({ path }), ackTimeoutMs: 50 });
    const error = await bus.show(3, 'A001').catch((e: unknown) => e);
    expect(isSkrError(error, 'DISCONNECTED')).toBe(true);
    expect(bus.boardStates()).toEqual([{ address: 3, alive: true }]);
    await bus.close();
    await transport.close();
  });
});

// An adapter unplugged and plugged back (here: the emulator's socat pair restarted on the same
// path) must not leave the bus dead until the server restarts.
describe('serial LED transport after the port is lost', () => {
  it('opens the path again, tells onReopen, and writes reach the new boards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skr-led-reopen-'));
    const path = join(dir, 'ttyLED');
    let emu = await startLedBoardEmulator({ addresses: [3], ptyPath: path });
    const transport = serialLedTransport({ path, reopenIntervalMs: 100 });
    const bus = createLedBus({ transport, ackTimeoutMs: 500 });
    let reconnects = 0;
    bus.onReconnect(() => reconnects++);
    try {
      await bus.show(3, 'A001');
      await emu.close();
      emu = await startLedBoardEmulator({ addresses: [3], ptyPath: path });
      // The old port learns it is gone at the latest on its next write (that show() fails
      // DISCONNECTED); the path is then opened again, which the bus announces.
      const deadline = Date.now() + 10_000;
      while (reconnects === 0 && Date.now() < deadline) {
        const error = await bus.show(3, 'A002').catch((e: unknown) => e);
        if (error !== undefined) expect(isSkrError(error, 'DISCONNECTED')).toBe(true);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(reconnects).toBe(1);
      await bus.show(3, 'A003');
      expect(emu.boards.get(3)!.text).toBe('A003');
    } finally {
      await bus.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
