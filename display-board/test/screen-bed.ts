import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '@skr/protocol/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
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
 */
export function screenBed(opts: { langs?: Lang[]; now?: () => Date } = {}): {
  browser: Browser;
  b: TestBranch;
} {
  let browser: Browser | undefined;
  let b: TestBranch | undefined;
  const cacheDir = opts.langs ? mkdtempSync(join(tmpdir(), 'skr-display-audio-')) : undefined;
  beforeAll(async () => {
    const announcer =
      cacheDir && opts.langs
        ? createAnnouncer({ engine: await pickEngine(), cacheDir, langs: opts.langs })
        : undefined;
    const branchOpts = {
      ...(announcer ? { announcer } : {}),
      ...(opts.now ? { now: opts.now } : {}),
    };
    [browser, b] = await Promise.all([launchBrowser(), startTestBranch(branchOpts)]);
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });
  return { browser: late(() => browser, 'the browser'), b: late(() => b, 'the test branch') };
}
