import { parseArgs } from 'node:util';
import { startPrinterEmulator } from './emulator';
import { ticketToText } from './ticket';

// Runs the printer emulator by hand:
//   npx tsx hardware-mocks/src/printer/cli.ts --port 9100 --pty /tmp/ttyPrinter --save /tmp/tickets
// Faults can be toggled from stdin: "paper-out", "near-end", "cover", "silent", "slow 2000", "ok".

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    pty: { type: 'string' },
    save: { type: 'string' },
    columns: { type: 'string', default: '42' },
  },
});

const emu = await startPrinterEmulator({
  tcpPort: Number(values.port),
  ptyPath: values.pty,
  columns: Number(values.columns),
});
if (values.save) await emu.saveTo(values.save);
console.log(
  `printer emulator: tcp 127.0.0.1:${emu.tcpPort}${emu.ptyPath ? `, pty ${emu.ptyPath}` : ''}`,
);
emu.onPrint((t) => console.log(ticketToText(t)));

process.stdin.setEncoding('utf8');
process.stdin.on('data', (line: string) => {
  const [cmd, arg] = line.trim().split(/\s+/);
  if (cmd === 'paper-out') emu.setFault({ paperOut: true });
  else if (cmd === 'near-end') emu.setFault({ paperNearEnd: true });
  else if (cmd === 'cover') emu.setFault({ coverOpen: true });
  else if (cmd === 'silent') emu.setFault({ silent: true });
  else if (cmd === 'slow') emu.setFault({ slowMs: Number(arg ?? 2000) });
  else if (cmd === 'ok') emu.clearFaults();
  console.log('faults:', JSON.stringify(emu.faults));
});

const stop = (): void => void emu.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
