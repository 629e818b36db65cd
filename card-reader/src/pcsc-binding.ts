import pcsc from 'pcsclite';
import { SkrError } from '@skr/protocol/errors';

// The part of the `pcsclite` npm API we use. pcsclite ships its own index.d.ts but does not
// export its interfaces by name, so the service is written against this structural subset;
// tests and other platforms can hand in anything shaped like it.

/** One PC/SC reader as pcsclite presents it. */
export interface PcscCardReader {
  readonly name: string;
  readonly connected: boolean;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_STATE_MUTE: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_RESET_CARD: number;
  on(type: 'status', listener: (status: { state: number; atr?: Buffer }) => void): unknown;
  on(type: 'end', listener: () => void): unknown;
  on(type: 'error', listener: (error: unknown) => void): unknown;
  connect(
    options: { share_mode?: number; protocol?: number },
    cb: (err: unknown, protocol: number) => void,
  ): void;
  disconnect(disposition: number, cb: (err: unknown) => void): void;
  transmit(
    data: Buffer,
    resLen: number,
    protocol: number,
    cb: (err: unknown, response: Buffer) => void,
  ): void;
  control(
    data: Buffer,
    controlCode: number,
    resLen: number,
    cb: (err: unknown, response: Buffer) => void,
  ): void;
  close(): void;
}

/** The PC/SC context: announces readers, can be closed. */
export interface PcscContext {
  on(type: 'reader', listener: (reader: PcscCardReader) => void): unknown;
  on(type: 'error', listener: (error: unknown) => void): unknown;
  close(): void;
}

/** Opens the real PC/SC context through pcsclite (pcscd must be running to see readers). */
export function openPcsclite(): PcscContext {
  try {
    return pcsc() as unknown as PcscContext;
  } catch (e) {
    // SCardEstablishContext fails synchronously when pcscd is not running.
    throw new SkrError('UNAVAILABLE', `PC/SC service not available: ${(e as Error).message}`, {
      cause: e,
    });
  }
}
