import { X509Certificate } from 'node:crypto';
import { openIdCardSession, type PcscReaderService } from '@skr/card-reader';
import {
  SkrError,
  type CardHolder,
  type KioskCardLoginRequest,
  type KioskCardLoginResult,
} from '@skr/protocol';
import type { BranchClient } from './branch-client';
import type { HealthReporter } from './health-reporter';

/** The ID-card reader as the kiosk uses it: presence, portal login, PESEL for check-in. */
export interface CardService {
  readerPresent(): boolean;
  cardPresent(): boolean;
  pinpad(): boolean;
  onChange(cb: (present: boolean) => void): () => void;
  /** Verifies the PIN, lets the card sign the portal's challenge; the card is reset after. */
  login(req: KioskCardLoginRequest): Promise<KioskCardLoginResult>;
  /** The holder's PESEL from the certificate (no PIN needed); only for a check-in lookup. */
  readPesel(): Promise<string>;
  /** The holder and PESEL from the certificate (no PIN): the submitter of a drop-off without login. */
  readSubmitter(): Promise<{ holder: CardHolder; pesel: string }>;
  close(): void;
}

/** Options of {@link createCardService}. */
interface CardServiceOptions {
  pcsc: PcscReaderService;
  reader: string;
  branch: BranchClient;
  health: HealthReporter;
  /** Set when the reader has its own keypad (checked once at start by the host). */
  pinpad?: boolean;
}

/** PESEL from the certificate's `serialNumber=PNOPL-<PESEL>` (ETSI natural-person id). */
function peselFromCertificate(pem: string): string {
  const m = /serialNumber=PNOPL-(\d{11})/.exec(
    new X509Certificate(pem).subject.replace(/\n/g, ','),
  );
  if (!m?.[1]) throw new SkrError('NOT_FOUND', 'certificate names no PESEL');
  return m[1];
}

/** Creates the card service over one PC/SC reader. */
export function createCardService(opts: CardServiceOptions): CardService {
  const { pcsc, reader, branch } = opts;
  const listeners = new Set<(present: boolean) => void>();
  const has = () => pcsc.readers().includes(reader);
  opts.health.report({
    component: 'card-reader',
    ok: has(),
    ...(has() ? {} : { code: 'NOT_FOUND' }),
  });
  const emit = (present: boolean) => {
    for (const cb of listeners) cb(present);
  };
  const offIn = pcsc.on('inserted', (e) => e.reader === reader && emit(true));
  const offOut = pcsc.on('removed', (e) => e.reader === reader && emit(false));

  async function withSession<T>(
    fn: (s: Awaited<ReturnType<typeof openIdCardSession>>) => Promise<T>,
  ) {
    if (!pcsc.cardPresent(reader)) throw new SkrError('CARD_REMOVED', 'no card in the reader');
    const session = await openIdCardSession(pcsc, reader, { timeoutMs: 5000 });
    try {
      return await fn(session);
    } finally {
      // Reset the card: the verified PIN must not outlive this one login.
      await session.close().catch(() => undefined);
    }
  }

  return {
    readerPresent: has,
    cardPresent: () => has() && pcsc.cardPresent(reader),
    pinpad: () => opts.pinpad ?? false,
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    login: (req) =>
      withSession(async (session) => {
        const { pem, holder } = await session.readCertificate();
        if (req.pin !== undefined) {
          const pin = Buffer.from(req.pin, 'ascii');
          await session.verifyPin(pin); // zeroes `pin` whatever happens
        } else if (opts.pinpad) {
          await session.verifyPinOnPinpad();
        } else {
          throw new SkrError('INVALID', 'PIN required');
        }
        const challenge = await branch.call('pueCardChallenge');
        const signed = await session.respondToChallenge(
          Buffer.from(challenge.challengeB64, 'base64'),
        );
        const pue = await branch.call('pueCardLogin', {
          body: {
            challengeId: challenge.challengeId,
            certificatePem: pem,
            signatureB64: signed.signatureB64,
          },
        });
        // Only what the screen needs crosses the bridge: no PESEL, no profile here.
        return { token: pue.token, expiresAt: pue.expiresAt, holder };
      }),
    readPesel: () =>
      withSession(async (s) => peselFromCertificate((await s.readCertificate()).pem)),
    readSubmitter: () =>
      withSession(async (s) => {
        const { pem, holder } = await s.readCertificate();
        return { holder, pesel: peselFromCertificate(pem) };
      }),
    close() {
      offIn();
      offOut();
    },
  };
}
