import { describe } from 'vitest';
import { ledBusContract } from './led-bus-contract';

// The same contract against real boards: SKR_LED_SERIAL=/dev/ttyUSB0 names the RS-485
// adapter, SKR_LED_ADDRESSES two boards that are connected (default 1,2) and
// SKR_LED_DEAD_ADDRESSES two addresses with no board (default 245,246).
const path = process.env.SKR_LED_SERIAL;

function pair(value: string | undefined, fallback: [number, number]): [number, number] {
  const [x, y] = (value ?? '').split(',').map(Number);
  return x && y ? [x, y] : fallback;
}

describe.skipIf(!path)('LED bus contract: real boards on SKR_LED_SERIAL', () => {
  ledBusContract(
    async () => ({
      name: 'hardware',
      devicePath: path ?? '',
      live: pair(process.env.SKR_LED_ADDRESSES, [1, 2]),
      dead: pair(process.env.SKR_LED_DEAD_ADDRESSES, [245, 246]),
      close: async () => undefined,
    }),
    { faults: false },
  );
});
