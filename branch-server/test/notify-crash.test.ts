// kill -9 between "sent" and "recorded": the message goes again under the same idempotency key
// and the gateway (check_idx) refuses the repeat, so the client gets it once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSmsGateway } from '@skr/hardware-mocks/sms-gateway/index';
import { describe, expect, it } from 'vitest';
import { createNotifier, smsGateway } from '../src/notify';
import { contactRepo } from '../src/notify/contact-repo';
import { notifyOutbox } from '../src/notify/notify-outbox';
import { openDatabase } from '../src/store';

const child = fileURLToPath(new URL('./notify-crash-child.ts', import.meta.url));

describe('a notifier killed between sent and recorded', () => {
  it('sends the message once in all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skr-notify-crash-'));
    const gw = await startSmsGateway({ token: 'crash-token' });
    try {
      const dbPath = join(dir, 'branch.sqlite');
      let db = openDatabase(dbPath);
      const ref = '00000000-0000-4000-8000-000000000001';
      contactRepo(db).put(
        { ref, channel: 'sms', address: '48600700800', lang: 'pl', day: '2099-01-01' },
        new Date(),
      );
      notifyOutbox(db).enqueue(
        'called',
        ref,
        'sms',
        { subject: '', text: 'ZUS: numer A001 – zapraszamy do stanowiska 3.' },
        new Date(),
        0,
      );
      db.close();

      const proc = spawn(process.execPath, ['--import', 'tsx', child, dbPath, gw.url], {
        stdio: 'ignore',
      });
      const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
        proc.on('exit', (_c, s) => resolve(s)),
      );
      expect(signal).toBe('SIGKILL');
      expect(gw.messages).toHaveLength(1);

      db = openDatabase(dbPath);
      expect(notifyOutbox(db).counts()).toMatchObject({ pending: 1, sent: 0 });
      const notifier = createNotifier({
        db,
        now: () => new Date(),
        senders: { sms: smsGateway({ url: gw.url, token: 'crash-token' }) },
      });
      await notifier.drainOnce();
      expect(notifyOutbox(db).counts()).toMatchObject({ pending: 0, sent: 1 });
      expect(gw.messages).toHaveLength(1);
      expect(gw.refusals.duplicate).toBe(1);
      await notifier.stop();
      db.close();
    } finally {
      await gw.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
