// A notifier process killed with SIGKILL right after the gateway accepted a message and before
// the round is recorded: the worst moment for "exactly once". Run by notify-crash.test.ts.
import { createNotifier, smsGateway, type Sender } from '../src/notify';
import { openDatabase } from '../src/store';

const [dbPath, url] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbPath);
const real = smsGateway({ url, token: 'crash-token' });
const killing: Sender = {
  channel: 'sms',
  async send(m, signal) {
    const r = await real.send(m, signal);
    process.kill(process.pid, 'SIGKILL');
    return r;
  },
  close: () => real.close(),
};
const notifier = createNotifier({ db, now: () => new Date(), senders: { sms: killing } });
await notifier.drainOnce();
