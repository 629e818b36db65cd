// Test helpers for notifications: a real SMTP server (smtp-server) keeping every message, and a
// small MIME reader for what nodemailer writes (multipart, quoted-printable, base64).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One MIME part: lower-case headers and the decoded body. */
export interface MimePart {
  headers: Record<string, string>;
  body: string;
}

/** A message the SMTP server received. */
export interface ReceivedMail {
  to: string[];
  raw: string;
  headers: Record<string, string>;
  parts: MimePart[];
}

function headersOf(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

function decode(body: string, enc: string | undefined): string {
  if (enc?.toLowerCase() === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc?.toLowerCase() === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`)
      .replace(/%(?![0-9A-F]{2})/gi, '%25');
    return decodeURIComponent(bytes);
  }
  return body;
}

/** Splits a raw message into its leaf parts (decoded). */
export function mimeParts(raw: string): { headers: Record<string, string>; parts: MimePart[] } {
  const cut = raw.search(/\r?\n\r?\n/);
  const headers = headersOf(raw.slice(0, cut));
  const body = raw.slice(cut).replace(/^\r?\n\r?\n/, '');
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary)
    return {
      headers,
      parts: [{ headers, body: decode(body, headers['content-transfer-encoding']) }],
    };
  const parts: MimePart[] = [];
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const inner = mimeParts(chunk.replace(/^\r?\n/, ''));
    parts.push(...inner.parts);
  }
  return { headers, parts };
}

/** A real SMTP server on a loopback port that keeps every message it accepts. */
export async function startSmtpSink(): Promise<{
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const { headers, parts } = mimeParts(raw);
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, headers, parts });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
