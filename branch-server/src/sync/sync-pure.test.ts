import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';
import { sniffContentType } from './documents';

describe('retryDelayMs', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };
  it('doubles up to the cap, jitter taking a share of it', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, policy, () => 1))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(retryDelayMs(30, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, policy, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(3, policy, () => 0)).toBe(1);
  });
});

describe('sniffContentType', () => {
  it('reads PDF, JPEG and PNG from their first bytes only', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7 ...'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    expect(sniffContentType(Buffer.from('GIF89a'))).toBeUndefined();
  });
});
