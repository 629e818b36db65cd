import { connect, type Socket } from 'node:net';
import { createIdCardApplet, type IdCardApplet } from './id-card-applet';
import type { HolderIdentity, IssuedHolder, TestCa } from './test-ca';
import { encodeVpcdFrame, VpcdControl, VpcdFrameDecoder } from './vpcd-frame';

/** ATR of a T=1 card (TS 3B, T0 80, TD1 80, TD2 01, TCK 01): pcscd then speaks T=1 to us. */
export const VIRTUAL_CARD_ATR = Buffer.from([0x3b, 0x80, 0x80, 0x01, 0x01]);

/** Failures the card can be told to show on the next command(s). */
export interface VirtualCardFault {
  /** Drop the TCP link when the next APDU arrives: the card is pulled mid-command. */
  pullOnNextApdu?: boolean;
  /** Swallow APDUs without answering, until cleared: a card that went mute. */
  silent?: boolean;
}

/** Options of {@link startVirtualIdCard}. */
export interface VirtualIdCardOptions {
  /** vpcd slot port: 35963 is reader "Virtual PCD 00 00", 35964 is "00 01". */
  port?: number;
  host?: string;
  pin: string;
  /** The 6-digit signature PIN (default {@link DEFAULT_SIGN_PIN}). */
  signPin?: string;
  holder: HolderIdentity;
  ca: TestCa;
  maxTries?: number;
}

/** The signature PIN of a virtual card whose options name none. */
export const DEFAULT_SIGN_PIN = '123456';

/** A virtual Polish-e-ID-like card behind vpcd. */
export interface VirtualIdCard {
  /** Connects to the vpcd slot (= puts the card in the reader). Resolves once connected. */
  insert(): Promise<void>;
  /** Closes the link (= takes the card out). Resolves once closed; no-op when not inserted. */
  remove(): Promise<void>;
  readonly inserted: boolean;
  /** Wrong PIN tries still allowed (0 = blocked). Survives remove/insert, like a real card. */
  readonly triesLeft: number;
  /** Wrong signature-PIN tries still allowed (0 = blocked); its own counter. */
  readonly signTriesLeft: number;
  /** The issued certificate and key pair, for tests that verify signatures. */
  readonly issued: IssuedHolder;
  /** The signature certificate and key pair ("podpis osobisty"). */
  readonly issuedSignature: IssuedHolder;
  /** Observes every command APDU and the answer sent (null when a fault swallowed it). */
  onApdu(cb: (apdu: Buffer, response: Buffer | null) => void): () => void;
  /** Sets failure behaviour; `pullOnNextApdu` clears itself once used. */
  setFault(fault: VirtualCardFault): void;
  /** Removes the card and releases everything. */
  close(): Promise<void>;
}

/** Issues a holder certificate from `ca` and returns a virtual card (not yet inserted). */
export async function startVirtualIdCard(opts: VirtualIdCardOptions): Promise<VirtualIdCard> {
  const issued = await opts.ca.issueHolder(opts.holder);
  const issuedSignature = await opts.ca.issueSignature(opts.holder);
  const applet: IdCardApplet = createIdCardApplet({
    pin: opts.pin,
    certDer: issued.certDer,
    privateKey: issued.keys.privateKey,
    maxTries: opts.maxTries,
    signature: {
      pin: opts.signPin ?? DEFAULT_SIGN_PIN,
      certDer: issuedSignature.certDer,
      privateKey: issuedSignature.keys.privateKey,
    },
  });
  const port = opts.port ?? 35963;
  const host = opts.host ?? '127.0.0.1';
  const listeners = new Set<(apdu: Buffer, response: Buffer | null) => void>();
  let fault: VirtualCardFault = {};
  let socket: Socket | null = null;

  const notify = (apdu: Buffer, response: Buffer | null) => {
    for (const l of listeners) l(apdu, response);
  };

  async function onBody(s: Socket, body: Buffer): Promise<void> {
    if (body.length === 1) {
      const code = body[0];
      if (code === VpcdControl.GET_ATR) s.write(encodeVpcdFrame(VIRTUAL_CARD_ATR));
      else applet.reset(); // power off, power on, reset: volatile state is lost
      return;
    }
    const apdu = Buffer.from(body);
    if (fault.pullOnNextApdu) {
      fault = { ...fault, pullOnNextApdu: false };
      notify(apdu, null);
      s.destroy();
      return;
    }
    if (fault.silent) {
      notify(apdu, null);
      return;
    }
    const response = await applet.handle(apdu);
    notify(apdu, response);
    if (!s.destroyed) s.write(encodeVpcdFrame(response));
  }

  const card: VirtualIdCard = {
    get inserted() {
      return socket !== null;
    },
    get triesLeft() {
      return applet.triesLeft;
    },
    get signTriesLeft() {
      return applet.signTriesLeft;
    },
    issued,
    issuedSignature,
    insert() {
      if (socket) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const s = connect({ host, port });
        const decoder = new VpcdFrameDecoder();
        // APDUs are answered strictly in order, even though signing is async.
        let chain = Promise.resolve();
        s.setNoDelay(true);
        s.once('connect', () => {
          socket = s;
          resolve();
        });
        s.once('error', (e) => {
          if (socket !== s) reject(e);
        });
        s.on('data', (chunk) => {
          for (const body of decoder.push(chunk)) chain = chain.then(() => onBody(s, body));
        });
        s.once('close', () => {
          if (socket === s) socket = null;
          applet.reset();
        });
      });
    },
    remove() {
      const s = socket;
      if (!s) return Promise.resolve();
      return new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        s.destroy();
      });
    },
    onApdu(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    setFault(f) {
      fault = { ...f };
    },
    async close() {
      listeners.clear();
      await card.remove();
    },
  };
  return card;
}
