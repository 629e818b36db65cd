// An SMS gateway that speaks the SMSAPI-style `POST /sms.do` over real HTTP: it checks the
// bearer token, counts segments like a real gateway bills them, keeps every accepted message,
// refuses a repeated `idx` when `check_idx=1` (error 53), and can fail, throttle and answer
// slowly on demand.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the gateway accepted. */
export interface SmsRecord {
  id: string;
  to: string;
  message: string;
  from: string | null;
  encoding: string;
  normalize: boolean;
  idx: string | null;
  /** Segments as billed: GSM-7 160/153, otherwise UCS-2 70/67. */
  parts: number;
  at: string;
}

/** How the emulator misbehaves (all off by default). */
export interface SmsGatewayFaults {
  /** The next n requests answer HTTP 503 without sending. */
  failNext?: number;
  /** Accept the message but answer 503 (the client cannot know it was sent). */
  loseAnswerNext?: number;
  /** More than this many requests in one second answer 429. */
  perSecond?: number;
  /** Every answer waits this long. */
  delayMs?: number;
}

/** A running gateway emulator. */
export interface SmsGatewayEmulator {
  url: string;
  port: number;
  readonly messages: readonly SmsRecord[];
  /** Requests answered with a failure (503/429/401/duplicate), by kind. */
  readonly refusals: Record<string, number>;
  setFaults(f: SmsGatewayFaults): void;
  clear(): void;
  close(): Promise<void>;
}

const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€\f',
);
const EXT = new Set('^{}\\[~]|€\f');

/** Segments a message is billed as. */
export function billedParts(text: string): number {
  if ([...text].every((c) => GSM7.has(c))) {
    const n = [...text].reduce((s, c) => s + (EXT.has(c) ? 2 : 1), 0);
    return n <= 160 ? 1 : Math.ceil(n / 153);
  }
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

const stripDiacritics = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'));

/** Starts the emulator on 127.0.0.1 (`port` 0 picks a free one); `token` is the bearer it accepts. */
export async function startSmsGateway(opts: {
  port?: number;
  token: string;
  faults?: SmsGatewayFaults;
}): Promise<SmsGatewayEmulator> {
  const messages: SmsRecord[] = [];
  const idxSeen = new Set<string>();
  const refusals: Record<string, number> = {};
  let faults: SmsGatewayFaults = { ...opts.faults };
  let windowStart = 0;
  let inWindow = 0;
  let nextId = 1;

  const refuse = (res: ServerResponse, status: number, kind: string, body: object) => {
    refusals[kind] = (refusals[kind] ?? 0) + 1;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs));
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/__emulator/messages') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages));
      return;
    }
    if (req.method !== 'POST' || path !== '/sms.do') {
      refuse(res, 404, 'not-found', { error: 404, message: 'not found' });
      return;
    }
    if (req.headers.authorization !== `Bearer ${opts.token}`) {
      refuse(res, 401, 'unauthorized', { error: 101, message: 'Authorization failed' });
      return;
    }
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    inWindow += 1;
    if (faults.perSecond !== undefined && inWindow > faults.perSecond) {
      refuse(res, 429, 'throttled', { error: 429, message: 'Too many requests' });
      return;
    }
    if (faults.failNext) {
      faults.failNext -= 1;
      refuse(res, 503, 'unavailable', { error: 201, message: 'System failure' });
      return;
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const to = form.get('to') ?? '';
    let message = form.get('message') ?? '';
    if (!/^\+?\d{9,15}$/.test(to)) {
      refuse(res, 200, 'bad-number', { error: 13, message: 'No valid phone numbers' });
      return;
    }
    if (!message) {
      refuse(res, 200, 'bad-request', { error: 11, message: 'Message empty' });
      return;
    }
    const idx = form.get('idx');
    if (idx && form.get('check_idx') === '1' && idxSeen.has(idx)) {
      refuse(res, 200, 'duplicate', { error: 53, message: 'Message with this idx already sent' });
      return;
    }
    const normalize = form.get('normalize') === '1';
    if (normalize) message = stripDiacritics(message);
    const rec: SmsRecord = {
      id: `E${String(nextId++).padStart(9, '0')}`,
      to,
      message,
      from: form.get('from'),
      encoding: form.get('encoding') ?? 'windows-1250',
      normalize,
      idx,
      parts: billedParts(message),
      at: new Date().toISOString(),
    };
    messages.push(rec);
    if (idx) idxSeen.add(idx);
    if (faults.loseAnswerNext) {
      faults.loseAnswerNext -= 1;
      refuse(res, 503, 'answer-lost', { error: 201, message: 'System failure' });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        count: 1,
        list: [
          {
            id: rec.id,
            points: 0.16 * rec.parts,
            number: to,
            date_sent: Math.floor(now / 1000),
            submitted_number: to,
            status: 'QUEUE',
            parts: rec.parts,
          },
        ],
      }),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    messages,
    refusals,
    setFaults(f) {
      faults = { ...f };
    },
    clear() {
      messages.length = 0;
      idxSeen.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
