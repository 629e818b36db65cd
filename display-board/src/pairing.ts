/** Where the device token of a paired screen is kept. */
export const TOKEN_KEY = 'skr.display.token';

/** The bits of `window` pairing touches (so it can be tested without a browser). */
export interface PairingEnv {
  location: { href: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Takes the device token from `?token=` once (pairing), stores it and strips it from the
 * address bar so it does not linger in history or screenshots; later loads read the store.
 */
export function takeToken(env: PairingEnv): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    env.storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    env.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return env.storage.getItem(TOKEN_KEY);
}
