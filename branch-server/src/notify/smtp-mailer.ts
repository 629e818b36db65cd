import { createHash } from 'node:crypto';
import { SkrError } from '@skr/protocol';
import nodemailer from 'nodemailer';
import type { OutgoingMessage, Sender } from './sender';

/** How the branch sends e-mail. */
export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 or smtps://user:pass@host:465 (SKR_SMTP_URL). */
  url: string;
  /** The From address (SKR_MAIL_FROM). */
  from: string;
  /** Milliseconds for connecting and for each SMTP answer. */
  timeoutMs?: number;
  /** Accept a self-signed certificate (tests only). */
  insecureTls?: boolean;
}

/** The Message-ID of a notification: the same key gives the same id, so a resend is recognisable. */
function messageIdOf(key: string, from: string): string {
  const domain = from.split('@')[1]?.replace(/[>\s]/g, '') || 'skr.local';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

// A 4xx SMTP answer or a dropped connection is worth another try; 5xx is final.
function classify(e: unknown): SkrError {
  const err = e as { responseCode?: number; code?: string; message?: string };
  const rc = err.responseCode;
  const code =
    rc !== undefined && rc >= 500 ? 'INVALID' : rc !== undefined ? 'UNAVAILABLE' : 'DISCONNECTED';
  return new SkrError(code, `smtp: ${rc ?? err.code ?? 'error'}`, { cause: e });
}

/** E-mail through an SMTP server with nodemailer (pooled connections). */
export function smtpMailer(o: SmtpMailerOptions): Sender {
  const timeout = o.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    url: o.url,
    pool: true,
    maxConnections: 8,
    // Reconnecting every 100 messages (the default) costs a handshake each time.
    maxMessages: 1000,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    ...(o.insecureTls ? { tls: { rejectUnauthorized: false } } : {}),
  } as never);
  return {
    channel: 'email',
    async send(m: OutgoingMessage) {
      try {
        const info = await transport.sendMail({
          from: o.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          messageId: messageIdOf(m.idempotencyKey, o.from),
          headers: { 'Content-Language': m.lang },
          ...(m.ics
            ? {
                attachments: [
                  {
                    filename: 'wizyta.ics',
                    content: m.ics,
                    contentType: `text/calendar; charset=utf-8; method=${/METHOD:CANCEL/.test(m.ics) ? 'CANCEL' : 'PUBLISH'}`,
                  },
                ],
              }
            : {}),
        });
        return { id: String(info.messageId) };
      } catch (e) {
        throw classify(e);
      }
    },
    async close() {
      transport.close();
    },
  };
}
