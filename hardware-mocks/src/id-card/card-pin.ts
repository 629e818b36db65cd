import { IdCardApp } from '@skr/protocol/card';

/** One PIN of the card (login or signature): its block, its own try counter, its verified state. */
interface CardPin {
  /** Answers VERIFY's data with a status word: 9000, 63Cx (x tries left), 6983 blocked, 6700. */
  verify(data: Buffer): number;
  readonly verified: boolean;
  readonly triesLeft: number;
  /** Drops the verified state (reset, re-SELECT, or a signature that spent it); tries stay. */
  forget(): void;
}

/** Pads a PIN like the reader does: ASCII digits, 0xFF to the PIN block length. */
function pinBlock(pin: string): Buffer {
  const b = Buffer.alloc(IdCardApp.pinBlockLength, 0xff);
  b.write(pin, 'ascii');
  return b;
}

/** A PIN with `maxTries` wrong tries before it blocks (ISO 7816-4 VERIFY semantics). */
export function createCardPin(pin: string, maxTries: number): CardPin {
  const expected = pinBlock(pin);
  let triesLeft = maxTries;
  let verified = false;
  return {
    get verified() {
      return verified;
    },
    get triesLeft() {
      return triesLeft;
    },
    forget() {
      verified = false;
    },
    verify(data) {
      if (triesLeft === 0) return 0x6983;
      // No data: ISO 7816-4 status query — verified already, or how many tries are left.
      if (data.length === 0) return verified ? 0x9000 : 0x63c0 | triesLeft;
      if (data.length !== IdCardApp.pinBlockLength) return 0x6700;
      if (data.equals(expected)) {
        triesLeft = maxTries;
        verified = true;
        return 0x9000;
      }
      triesLeft -= 1;
      verified = false;
      return triesLeft === 0 ? 0x6983 : 0x63c0 | triesLeft;
    },
  };
}
