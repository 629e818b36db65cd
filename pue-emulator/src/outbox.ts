// The emulator's SMS gateway and mail server: a message is "delivered" by storing it, so tests
// (and the demo console) can read the code. Real delivery is the real portal's business.
import type { PueOutboxMessage } from '@skr/protocol';
import { nowIso, type PueContext } from './context';

interface OutboxRow {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  text: string;
  code: string;
  created_at: string;
}

/** Stores a verification code message for `to` and notifies the listener, if any. */
export function sendVerificationCode(
  ctx: PueContext,
  channel: 'sms' | 'email',
  to: string,
  code: string,
): void {
  const text =
    channel === 'sms'
      ? `ZUS PUE: kod weryfikacyjny ${code}. Nie podawaj go nikomu.`
      : `Temat: Kod weryfikacyjny PUE ZUS\n\nTwój kod weryfikacyjny to ${code}. Kod jest ważny 5 minut.`;
  ctx.db
    .prepare(
      'INSERT INTO outbox (channel, recipient, text, code, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(channel, to, text, code, nowIso(ctx));
  ctx.onOutboxMessage?.({ channel, to, text });
}

/** Every message sent so far, oldest first. */
export function listOutbox(ctx: PueContext): PueOutboxMessage[] {
  const rows = ctx.db.prepare('SELECT * FROM outbox ORDER BY id').all() as OutboxRow[];
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    to: r.recipient,
    text: r.text,
    code: r.code,
    createdAt: r.created_at,
  }));
}
