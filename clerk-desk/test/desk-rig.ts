import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startSmsGateway, type SmsGatewayEmulator } from '@skr/hardware-mocks/sms-gateway/index';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, type TestBranch } from '../../branch-server/test/harness';
import { openDesk } from './desk-page';

/** The manager's pages are tested at 1280×900; the statistics download CSV files. */
const MANAGER_PAGE = { viewport: { width: 1280, height: 900 }, acceptDownloads: true };

type BranchOptions = NonNullable<Parameters<typeof startTestBranch>[0]>;

/** Props of {@link deskRig}. */
export interface DeskRigOptions {
  /** Options of the branch server. */
  branch?: BranchOptions;
  /** Start the SMS gateway emulator first and send the branch's SMS there (with these settings). */
  sms?: NonNullable<BranchOptions['notify']>['settings'] | true;
  /**
   * The page opened: the clerk's console (1366×768), a blank 1280×900 one for the manager, or a
   * blank one with these options.
   */
  page?: 'desk' | 'manager' | Parameters<Browser['newPage']>[0];
}

/** What {@link deskRig} holds for the tests of one file. */
export interface DeskRig {
  branch: TestBranch;
  browser: Browser;
  page: Page;
  /** The SMS gateway emulator (only with the `sms` option). */
  sms: SmsGatewayEmulator;
}

/** Answers an object that forwards to `get()`: the rig's parts exist only once beforeAll ran. */
function forward<T extends object>(get: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const real = get();
      if (!real) throw new Error(`${what} starts in beforeAll`);
      const v = Reflect.get(real, key);
      // Methods run on the real object (Playwright's keep private state on it).
      return typeof v === 'function' ? v.bind(real) : v;
    },
  });
}

/**
 * The common start of the desk's browser tests: a real branch server (and the SMS gateway
 * emulator when asked), Debian's Chromium and one page, started in beforeAll and closed in
 * afterAll. Its parts forward to the started ones, so tests use `branch.api(...)` and `page`.
 */
export function deskRig(opts: DeskRigOptions = {}): DeskRig {
  const started: Partial<DeskRig> = {};
  beforeAll(async () => {
    let notify = opts.branch?.notify;
    if (opts.sms) {
      started.sms = await startSmsGateway({ token: 'test-token' });
      notify = {
        sms: { url: started.sms.url, token: 'test-token', from: 'ZUS' },
        ...(opts.sms === true ? {} : { settings: opts.sms }),
      };
    }
    started.branch = await startTestBranch({ ...opts.branch, ...(notify ? { notify } : {}) });
    started.browser = await launchBrowser();
    const page = opts.page ?? 'desk';
    started.page =
      page === 'desk'
        ? await openDesk(started.browser, started.branch.url)
        : await started.browser.newPage(page === 'manager' ? MANAGER_PAGE : page);
    started.page.setDefaultTimeout(10_000);
  }, 60_000);
  afterAll(async () => {
    await started.browser?.close();
    await started.branch?.close();
    await started.sms?.close();
  });
  return {
    branch: forward(() => started.branch, 'the test branch'),
    browser: forward(() => started.browser, 'the browser'),
    page: forward(() => started.page, 'the page'),
    sms: forward(() => started.sms, 'the SMS gateway'),
  };
}
