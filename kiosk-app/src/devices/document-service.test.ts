import { describe, expect, it } from 'vitest';
import { isSkrError } from '@skr/protocol';
import { checkContent } from './document-service';

const reason = (f: () => void) => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    return isSkrError(e) ? e.details?.reason : e;
  }
};

describe('checkContent', () => {
  it('takes files whose bytes match their type', () => {
    expect(reason(() => checkContent(Buffer.from('%PDF-1.7\n'), 'application/pdf'))).toBe(
      'accepted',
    );
    expect(reason(() => checkContent(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'))).toBe(
      'accepted',
    );
  });
  it('tells a renamed file: NOT_PDF for a fake PDF, NOT_IMAGE for a fake JPEG or PNG', () => {
    expect(reason(() => checkContent(Buffer.from('plain text'), 'application/pdf'))).toBe(
      'NOT_PDF',
    );
    expect(reason(() => checkContent(Buffer.from('%PDF-1.7'), 'image/png'))).toBe('NOT_IMAGE');
    expect(reason(() => checkContent(Buffer.from([0x89, 0x50]), 'image/jpeg'))).toBe('NOT_IMAGE');
  });
});
