import { describe } from 'vitest';
import { startLedBoardEmulator } from '@skr/hardware-mocks/led-board/index';
import { ledBusContract } from './led-bus-contract';

// The contract against the LED board emulator over a real socat pty pair: boards 1-3 are
// counter boards, 200 the hall board; 245 and 246 have no board behind them.
describe('LED bus contract: emulator on a pty', () => {
  ledBusContract(
    async () => {
      const emulator = await startLedBoardEmulator({ addresses: [1, 2, 3, 200] });
      return {
        name: 'emulator',
        devicePath: emulator.devicePath,
        live: [1, 200],
        dead: [245, 246],
        emulator,
        close: () => emulator.close(),
      };
    },
    { faults: true },
  );
});
