// Runs a virtual ID card against a running pcscd + vpcd and takes commands on stdin.
// npx tsx hardware-mocks/src/id-card/cli.ts [--port 35963] [--pin 1234] [--sign-pin 123456]
//   [--ca-dir data/test-ca]
//   [--pesel 44051401359] [--given Jan] [--surname Kowalski]
// Commands: insert | remove | pull (next APDU pulls the card) | mute | unmute | status | quit
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadOrCreateTestCa } from './test-ca';
import { startVirtualIdCard } from './virtual-id-card';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '35963' },
    pin: { type: 'string', default: '1234' },
    'sign-pin': { type: 'string', default: '123456' },
    'ca-dir': { type: 'string', default: 'data/test-ca' },
    pesel: { type: 'string', default: '44051401359' },
    given: { type: 'string', default: 'Jan' },
    surname: { type: 'string', default: 'Kowalski' },
  },
});

const ca = await loadOrCreateTestCa(values['ca-dir']);
const card = await startVirtualIdCard({
  port: Number(values.port),
  pin: values.pin,
  signPin: values['sign-pin'],
  holder: { pesel: values.pesel, givenName: values.given, surname: values.surname },
  ca,
});
// The PIN is deliberately not echoed: this is a test card, but the habit is the point.
console.log(
  `virtual ID card for ${values.given} ${values.surname}; CA certificate in ${values['ca-dir']}/ca-cert.pem`,
);
console.log('commands: insert | remove | pull | mute | unmute | status | quit');
card.onApdu((apdu, res) => {
  const cmd =
    apdu[1] === 0x20 && apdu.length > 5
      ? `${apdu.subarray(0, 5).toString('hex')}…`
      : apdu.toString('hex');
  console.log(`APDU ${cmd} -> ${res ? res.subarray(-2).toString('hex') : '(no answer)'}`);
});

const stop = async () => {
  await card.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

for await (const line of createInterface({ input: process.stdin })) {
  const cmd = line.trim();
  try {
    if (cmd === 'insert') await card.insert();
    else if (cmd === 'remove') await card.remove();
    else if (cmd === 'pull') card.setFault({ pullOnNextApdu: true });
    else if (cmd === 'mute') card.setFault({ silent: true });
    else if (cmd === 'unmute') card.setFault({});
    else if (cmd === 'quit') break;
    else if (cmd !== 'status' && cmd !== '') console.log(`unknown command: ${cmd}`);
    console.log(`inserted=${card.inserted} triesLeft=${card.triesLeft}`);
  } catch (e) {
    console.log(`failed: ${(e as Error).message} (is pcscd running?)`);
  }
}
await stop();
