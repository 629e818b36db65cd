import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
