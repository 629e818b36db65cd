import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '@skr/protocol/domain';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createAnnouncer, pickEngine } from '../../branch-server/src/announcer';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, type TestBranch } from '../../branch-server/test/harness';

/** Forwards to what `current()` holds once beforeAll has made it (methods bound to it). */
function late<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const v = current();
      if (!v) throw new Error(`${what} starts in beforeAll`);
      const got: unknown = Reflect.get(v, key);
      return typeof got === 'function' ? got.bind(v) : got;
    },
  });
}

/**
 * A Chromium and a test branch shared by the file's tests, started in `beforeAll` and stopped in
 * `afterAll`. With `langs` the branch speaks through a real announcer with its own audio cache.
 * With `branchPerTest` each test (and each retry of one) gets a branch of its own, so a retry
 * never meets its first attempt's tickets; Chromium stays shared.
 */
export function screenBed(
  opts: { langs?: Lang[]; now?: () => Date; branchPerTest?: boolean } = {},
): {
  browser: Browser;
  b: TestBranch;
} {
  let browser: Browser | undefined;
  let b: TestBranch | undefined;
  const cacheDir = opts.langs ? mkdtempSync(join(tmpdir(), 'skr-display-audio-')) : undefined;
  async function startBranch(): Promise<TestBranch> {
    const announcer =
      cacheDir && opts.langs
        ? createAnnouncer({ engine: await pickEngine(), cacheDir, langs: opts.langs })
        : undefined;
    return startTestBranch({
      ...(announcer ? { announcer } : {}),
      ...(opts.now ? { now: opts.now } : {}),
    });
  }
  async function stopBranch(): Promise<void> {
    await b?.close();
    b = undefined;
  }
  if (opts.branchPerTest) {
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    beforeEach(async () => {
      b = await startBranch();
    });
    afterEach(stopBranch);
  } else {
    beforeAll(async () => {
      [browser, b] = await Promise.all([launchBrowser(), startBranch()]);
    });
  }
  afterAll(async () => {
    await browser?.close();
    await stopBranch();
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });
  return { browser: late(() => browser, 'the browser'), b: late(() => b, 'the test branch') };
}
