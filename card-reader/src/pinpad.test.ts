import { describe, expect, it } from 'vitest';
import {
  CM_IOCTL_GET_FEATURE_REQUEST,
  FEATURE_VERIFY_PIN_DIRECT,
  parseFeatures,
  pinVerifyStructure,
  scardCtlCode,
} from './pinpad';

describe('pinpad (PC/SC part 10)', () => {
  it('computes SCARD_CTL_CODE like pcsc-lite on Linux', () => {
    expect(CM_IOCTL_GET_FEATURE_REQUEST).toBe(0x42000d48);
    expect(scardCtlCode(1)).toBe(0x42000001);
  });

  it('parses the feature TLV list and ignores a truncated tail', () => {
    const tlv = Buffer.from('0604423300060a0442330012' + '0704', 'hex');
    const f = parseFeatures(tlv);
    expect(f.get(FEATURE_VERIFY_PIN_DIRECT)).toBe(0x42330006);
    expect(f.get(0x0a)).toBe(0x42330012);
    expect(f.size).toBe(2);
    expect(parseFeatures(Buffer.alloc(0)).size).toBe(0);
  });

  it('builds PIN_VERIFY_STRUCTURE for an 8-byte ASCII block', () => {
    const s = pinVerifyStructure({ timeoutS: 20 });
    expect(s.toString('hex').toUpperCase()).toBe(
      '14' +
        '14' +
        '82' +
        '08' +
        '00' +
        '0804' +
        '02' +
        '01' +
        '1504' +
        '00' +
        '000000' +
        '0D000000' +
        '002000810' +
        '8FFFFFFFFFFFFFFFF',
    );
  });
});
