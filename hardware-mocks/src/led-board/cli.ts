// Runs the LED board emulator until Ctrl+C and logs every frame it hears.
// npx tsx hardware-mocks/src/led-board/cli.ts --addresses 1,2,3,200 [--pty /tmp/ttyLED]
import { parseArgs } from 'node:util';
import { startLedBoardEmulator } from './index';

const { values } = parseArgs({
  options: {
    addresses: { type: 'string', default: '1,2,3,4,5,6,7,8,200' },
    pty: { type: 'string' },
  },
});
const addresses = values.addresses.split(',').map(Number).filter(Number.isInteger);
const emulator = await startLedBoardEmulator({
  addresses,
  ...(values.pty ? { ptyPath: values.pty } : {}),
});
console.log(
  `LED boards ${addresses.join(', ')} listening; point the driver at ${emulator.devicePath}`,
);

emulator.onFrame((event) => {
  const board = event.address === undefined ? undefined : emulator.boards.get(event.address);
  const shown =
    board && event.outcome === 'ack'
      ? ` -> ${JSON.stringify(board.text)}${board.blinking ? ' (blink)' : ''}`
      : '';
  const why = event.nakReason ?? event.error ?? '';
  console.log(
    `board ${event.address ?? '?'} seq ${event.seq ?? '?'} ${event.command ?? ''} ${event.outcome} ${why}${shown}`,
  );
});

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
