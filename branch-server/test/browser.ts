import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; never a downloaded one. */
export const CHROMIUM = process.env.SKR_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium with the flags that work on these machines (no sandbox as root,
 * no GPU, no background network: the tests talk to loopback only).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
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
  // Under a loaded CI machine Chromium once did not answer `close` within the 60 s hook limit
  // (session 6's CI: every test of the file passed, its afterAll timed out). A bounded close lets
  // the branch server's close go on; Playwright kills a browser it launched when the worker exits.
  const close = browser.close.bind(browser);
  browser.close = (options) =>
    Promise.race([close(options), new Promise<void>((r) => setTimeout(r, CLOSE_LIMIT_MS).unref())]);
  return browser;
}

const CLOSE_LIMIT_MS = 15_000;
