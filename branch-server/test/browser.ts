import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; never a downloaded one. */
export const CHROMIUM = process.env.SKR_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium with the flags that work on these machines (no sandbox as root,
 * no GPU, no background network: the tests talk to loopback only).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}
