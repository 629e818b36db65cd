import { describe, expect, it } from 'vitest';
import { pickLang } from './i18n';
import { TOKEN_KEY, takeToken } from './pairing';

function env(href: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [[TOKEN_KEY, stored]] : []);
  const replaced: string[] = [];
  return {
    replaced,
    store,
    env: {
      location: { href },
      history: { replaceState: (_d: unknown, _u: string, url: string) => replaced.push(url) },
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
    },
  };
}

describe('pairing', () => {
  it('takes the token from the URL once, stores it and strips it from the address', () => {
    const e = env('http://branch:8080/display/?token=abc123&lang=en#x');
    expect(takeToken(e.env)).toBe('abc123');
    expect(e.store.get(TOKEN_KEY)).toBe('abc123');
    expect(e.replaced).toEqual(['/display/?lang=en#x']);
  });

  it('uses the stored token later and reports none when unpaired', () => {
    const paired = env('http://branch:8080/display/', 'kept');
    expect(takeToken(paired.env)).toBe('kept');
    expect(paired.replaced).toEqual([]);
    expect(takeToken(env('http://branch:8080/display/').env)).toBeNull();
  });

  it('picks the phone’s first language we cover, Polish otherwise', () => {
    expect(pickLang(['uk-UA', 'en'])).toBe('uk');
    expect(pickLang(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLang(['ru-RU'])).toBe('uk');
    expect(pickLang(['fr'])).toBe('pl');
    expect(pickLang([])).toBe('pl');
  });
});
