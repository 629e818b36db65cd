// Bench: 10,000 booking reminders (half e-mail, half SMS) drained through a real SMTP server
// and the SMS gateway emulator, with the gateway failing and losing answers on the way; counts
// duplicates (same Message-ID / idx twice) and losses against what was queued.
// Run alone: npx tsx branch-server/bench/notifications.ts [reminders]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSmsGateway } from '@skr/hardware-mocks/sms-gateway/index';
import { createNotifier, defaultNotifySettings, smsGateway, smtpMailer } from '../src/notify';
import { bookingRef, contactRepo } from '../src/notify/contact-repo';
import { notifyOutbox } from '../src/notify/notify-outbox';
import { bookingMessage } from '../src/notify/render';
import { demoServices } from '../src/seed/demo-branch';
import { bookingRepo, openDatabase } from '../src/store';
import { startSmtpSink } from '../test/notify-mail';

/** Result of one drain. */
export interface NotificationsBenchResult {
  reminders: number;
  seconds: number;
  perSecond: number;
  emails: number;
  sms: number;
  duplicates: number;
  lost: number;
  /** Gateway refusals met on the way (injected failures, repeats refused by idx). */
  gatewayRefusals: Record<string, number>;
}

// The demo branch's benefits service: the one fixture tests, soak and benches share.
const SERVICE = demoServices.find((s) => s.id === 'zasilki')!;

/** Queues `reminders` due now and times the drain to zero pending. */
export async function benchNotifications({
  reminders = 10_000,
} = {}): Promise<NotificationsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'skr-bench-notify-'));
  const smtp = await startSmtpSink();
  // The gateway fails 200 requests and loses 50 answers after sending: retries must not double.
  const gw = await startSmsGateway({
    token: 'bench',
    faults: { failNext: 200, loseAnswerNext: 50 },
  });
  const db = openDatabase(join(dir, 'branch.sqlite'));
  const settings = {
    ...defaultNotifySettings,
    // Never quiet during the bench, whatever the hour it runs at.
    quietHours: { from: '00:00', to: '00:00' },
    rate: { perAddressPerHour: 10, perSecond: 100_000 },
  };
  const now = new Date();
  const bookings = bookingRepo(db);
  const contacts = contactRepo(db);
  const outbox = notifyOutbox(db);
  db.transaction(() => {
    for (let i = 0; i < reminders; i += 1) {
      const code = `R${String(i).padStart(7, '0')}`;
      const b = {
        code,
        serviceId: 'zasilki',
        bookedFor: new Date(now.getTime() + 86_400_000).toISOString(),
      };
      bookings.save({ ...b, status: 'booked', ticketId: null, updatedAt: now.toISOString() });
      const channel = i % 2 === 0 ? 'email' : 'sms';
      const address = channel === 'email' ? `k${i}@example.test` : `48${String(500_000_000 + i)}`;
      const lang = (['pl', 'en', 'uk'] as const)[i % 3]!;
      const ref = bookingRef(code);
      contacts.put({ ref, channel, address, lang, day: '2099-12-31' }, now);
      const msg = bookingMessage(
        'booking-reminder',
        channel,
        lang,
        b,
        [SERVICE],
        'Europe/Warsaw',
        settings,
        now,
      );
      outbox.enqueue('booking-reminder', ref, channel, msg, now, 0);
    }
  })();
  const notifier = createNotifier({
    db,
    now: () => new Date(),
    senders: {
      email: smtpMailer({ url: smtp.url, from: 'ZUS <oddzial@zus.test>' }),
      sms: smsGateway({ url: gw.url, token: 'bench' }),
    },
    settings,
    backoff: { baseMs: 5, capMs: 100 },
    concurrency: 32,
    batchSize: 500,
  });
  const t0 = performance.now();
  while (notifier.stats().pending > 0) {
    if ((await notifier.drainOnce()) === 0) await new Promise((r) => setTimeout(r, 5));
  }
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 200));
  const mailIds = smtp.mails.map((m) => m.headers['message-id']);
  const smsIds = gw.messages.map((m) => m.idx);
  const unique = new Set(mailIds).size + new Set(smsIds).size;
  const counts = notifier.stats();
  const result: NotificationsBenchResult = {
    reminders,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(reminders / seconds),
    emails: smtp.mails.length,
    sms: gw.messages.length,
    duplicates: mailIds.length + smsIds.length - unique,
    lost: reminders - unique + counts.failed,
    gatewayRefusals: { ...gw.refusals },
  };
  await notifier.stop();
  db.close();
  await gw.close();
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchNotifications({ reminders: Number(process.argv[2] ?? 10_000) }));
}
