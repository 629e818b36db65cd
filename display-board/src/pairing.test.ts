import { describe, expect, it } from 'vitest';
import { pickLang } from './i18n';
import {
  CREDENTIAL_KEY,
  TOKEN_KEY,
  clearCredential,
  loadCredential,
  saveCredential,
} from './pairing';

function storage(entries: [string, string][] = []) {
  const store = new Map<string, string>(entries);
  return {
    store,
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
}

describe('the screen’s credential', () => {
  it('is stored with its expiry and read back; none means the screen pairs by code', () => {
    const s = storage();
    expect(loadCredential(s)).toBeNull();
    const c = {
      token: 'abc',
      expiresAt: '2026-12-30T00:00:00Z',
      refreshAfter: '2026-12-20T00:00:00Z',
    };
    saveCredential(s, c);
    expect(loadCredential(s)).toEqual(c);
    clearCredential(s);
    expect(loadCredential(s)).toBeNull();
  });

  it('takes the bare token of a screen paired before credentials expired, and replaces it', () => {
    const s = storage([[TOKEN_KEY, 'kept']]);
    expect(loadCredential(s)).toEqual({ token: 'kept' });
    saveCredential(s, { token: 'new', refreshAfter: '2026-12-20T00:00:00Z' });
    expect(s.store.has(TOKEN_KEY)).toBe(false);
    expect(loadCredential(s)?.token).toBe('new');
  });

  it('treats a damaged store as no credential', () => {
    expect(loadCredential(storage([[CREDENTIAL_KEY, '{not json']]))).toBeNull();
    expect(loadCredential(storage([[CREDENTIAL_KEY, '{"token":""}']]))).toBeNull();
  });

  it('picks the phone’s first language we cover, Polish otherwise', () => {
    expect(pickLang(['uk-UA', 'en'])).toBe('uk');
    expect(pickLang(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLang(['ru-RU'])).toBe('uk');
    expect(pickLang(['fr'])).toBe('pl');
    expect(pickLang([])).toBe('pl');
  });
});
