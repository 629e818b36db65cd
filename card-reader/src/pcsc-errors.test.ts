import { describe, expect, it } from 'vitest';
import { pcscErrorCode, scardCode } from './pcsc-errors';

describe('pcsclite error mapping', () => {
  it('reads the SCARD code out of pcsclite messages', () => {
    expect(scardCode(new Error('SCardTransmit error: Card was removed.(0x80100069)'))).toBe(
      0x80100069,
    );
    expect(scardCode(new Error('Third argument must be an integer'))).toBeUndefined();
  });

  it('maps removal, timeouts, missing service and unknown failures', () => {
    expect(pcscErrorCode(new Error('SCardTransmit error: Card was removed.(0x80100069)'))).toBe(
      'CARD_REMOVED',
    );
    expect(
      pcscErrorCode(new Error('SCardConnect error: No smart card inserted.(0x8010000C)')),
    ).toBe('CARD_REMOVED');
    expect(pcscErrorCode(new Error('x (0x8010000a)'))).toBe('TIMEOUT');
    expect(
      pcscErrorCode(new Error('SCardEstablishContext error: Service not available.(0x8010001d)')),
    ).toBe('UNAVAILABLE');
    expect(pcscErrorCode(new Error('something else'))).toBe('DISCONNECTED');
  });
});
