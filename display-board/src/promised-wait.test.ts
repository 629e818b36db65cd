import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { promisedWait } from './promised-wait';

describe('promised wait on the screen', () => {
  it('shows at least a minute, and caps a runaway estimate instead of promising it', () => {
    const pl = createI18n('pl');
    expect(pl.t(...promisedWait(0))).toBe('ok. 1 min');
    expect(pl.t(...promisedWait(37))).toBe('ok. 37 min');
    expect(pl.t(...promisedWait(120))).toBe('ok. 120 min');
    expect(pl.t(...promisedWait(2527))).toBe('ponad 120 min');
    expect(createI18n('en').t(...promisedWait(2527))).toBe('over 120 min');
    expect(createI18n('uk').t(...promisedWait(2527))).toBe('понад 120 хв');
  });
});
