import { describe, expect, it } from 'vitest';
import * as apdu from './apdu';

const hex = (b: Buffer) => b.toString('hex').toUpperCase();

describe('e-ID APDUs', () => {
  it('encodes SELECT, READ BINARY and the PIN status query byte for byte', () => {
    expect(hex(apdu.selectAid())).toBe('00A4040C07D6160000300101');
    expect(hex(apdu.selectEf())).toBe('00A4020C02C001');
    expect(hex(apdu.readBinary(0x01e0, 0xe0))).toBe('00B001E0E0');
    expect(hex(apdu.readBinary(0, 256))).toBe('00B0000000');
    expect(hex(apdu.pinStatusApdu())).toBe('00200081');
    expect(() => apdu.readBinary(0x8000, 1)).toThrow(RangeError);
  });

  it('pads the PIN with FF to 8 bytes in VERIFY', () => {
    expect(hex(apdu.verifyPinApdu(Buffer.from('4821')))).toBe('002000810834383231FFFFFFFF');
  });

  it('encodes PSO: COMPUTE DIGITAL SIGNATURE with Le 00', () => {
    const a = apdu.computeSignatureApdu(Buffer.alloc(32, 0xab));
    expect(hex(a.subarray(0, 5))).toBe('002A9E9A20');
    expect(a).toHaveLength(38);
    expect(a.at(-1)).toBe(0);
  });

  it('redacts VERIFY data and leaves other commands readable', () => {
    const v = apdu.redactApdu(apdu.verifyPinApdu(Buffer.from('4821')));
    expect(v).toBe('0020008108<8 bytes redacted>');
    expect(v).not.toContain('34383231');
    expect(apdu.redactApdu(apdu.selectEf())).toBe('00A4020C02C001');
    expect(apdu.redactApdu(apdu.pinStatusApdu())).toBe('00200081');
  });

  it('accepts only 4-8 ASCII digits as a PIN', () => {
    expect(apdu.isWellFormedPin(Buffer.from('1234'))).toBe(true);
    expect(apdu.isWellFormedPin(Buffer.from('12345678'))).toBe(true);
    expect(apdu.isWellFormedPin(Buffer.from('123'))).toBe(false);
    expect(apdu.isWellFormedPin(Buffer.from('123456789'))).toBe(false);
    expect(apdu.isWellFormedPin(Buffer.from('12a4'))).toBe(false);
  });

  it('builds the signature PIN VERIFY, MSE: SET and checks 6-digit signature PINs', () => {
    const v = apdu.verifyPinApdu(Buffer.from('246810'), 0x82);
    expect(v.subarray(0, 5).toString('hex').toUpperCase()).toBe('0020008208');
    expect(v.subarray(5).toString('hex').toUpperCase()).toBe('323436383130FFFF');
    expect(apdu.redactApdu(v)).toBe('0020008208<8 bytes redacted>');
    expect(apdu.selectKeyApdu(2).toString('hex').toUpperCase()).toBe('002241B603840102');
    expect(apdu.isWellFormedSignPin(Buffer.from('246810'))).toBe(true);
    expect(apdu.isWellFormedSignPin(Buffer.from('2468'))).toBe(false);
    expect(apdu.isWellFormedSignPin(Buffer.from('24681a'))).toBe(false);
  });

  it('splits data from the status word', () => {
    const r = apdu.splitResponse(Buffer.from([1, 2, 0x63, 0xc2]));
    expect([...r.data]).toEqual([1, 2]);
    expect(apdu.swHex(r.sw)).toBe('63C2');
    expect(() => apdu.splitResponse(Buffer.alloc(1))).toThrow(RangeError);
  });
});
