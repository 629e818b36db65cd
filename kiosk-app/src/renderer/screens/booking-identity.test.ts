import { describe, expect, it } from 'vitest';
import { phoneProblem } from './booking-identity';

describe('typed phone', () => {
  it('wants 9 digits of a phone number', () => {
    expect(phoneProblem('60010020')).toBe('phoneLength');
    expect(phoneProblem('600100200')).toBeNull();
  });
});
