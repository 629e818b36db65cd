import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestBranch } from '../../branch-server/test/harness';
import { openScreen, type ScreenPage } from './helpers';

/** React commits on a page: all of them, and those that changed the clock's text. */
export interface Commits {
  all: number;
  /** The clock draws a new minute on its own once a minute: a commit no call caused. */
  clock: number;
}

declare global {
  interface Window {
    /** Commits React made on this page, counted by the stand-in DevTools hook below. */
    __skrCommits?: Commits;
  }
}

/**
 * Counts React's commits on every page of `context`, in the production build as shipped: React
 * DOM reports each commit to `__REACT_DEVTOOLS_GLOBAL_HOOK__` when one exists before it loads
 * (the React DevTools extension's entry point), so a stand-in hook installed before the page's
 * scripts counts them without any change to the screen's code. Every root and every commit
 * counts (the board, the clock's minute, the message line's measurement); those after which the
 * clock's text differs are also counted apart, so a test can tell them from a call's.
 */
export async function countCommits(context: BrowserContext): Promise<void> {
  await context.addInitScript(HOOK);
}

/**
 * The stand-in hook, as source text: a function would be transpiled first, and tsx (the
 * benchmark's runner) wraps named functions in a `__name` helper the page does not have.
 */
const HOOK = `(() => {
  const commits = { all: 0, clock: 0 };
  window.__skrCommits = commits;
  let renderers = 0;
  let clockText;
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    value: {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject() { return ++renderers; },
      onCommitFiberRoot() {
        commits.all++;
        const text = document.querySelector('[data-testid=clock]')?.textContent;
        if (clockText !== undefined && text !== clockText) commits.clock++;
        clockText = text;
      },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    },
    configurable: true,
  });
})();`;

/** React commits the page has made so far, other than the clock's own. */
export function commitsOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = window.__skrCommits;
    return c ? c.all - c.clock : NaN;
  });
}

/** The page's React commits (not the clock's) and its renders made only for held estimates. */
export function workOf(page: Page): Promise<{ commits: number; lateDraws: number }> {
  // One evaluation, so a late render cannot fall between the two readings.
  return page.evaluate(() => {
    const c = window.__skrCommits!;
    return { commits: c.all - c.clock, lateDraws: window.__skrDisplay!.lateDraws };
  });
}

/** Opens a paired screen (as `openScreen`) whose React commits are counted from the start. */
export function openCountedScreen(
  browser: Browser,
  url: string,
  token: string,
): Promise<ScreenPage> {
  return openScreen(browser, url, token, undefined, {}, countCommits);
}

/**
 * Waits until the screen has applied every event the branch has logged so far and has nothing
 * left to draw for them: no refresh due or awaited (each ticket or counter event asks for one),
 * no announcement waiting or playing. Commits counted then are all those the events caused.
 */
export async function caughtUp(b: Pick<TestBranch, 'api'>, page: Page): Promise<void> {
  const health = await b.api('GET', '/api/v1/health');
  const seq = (health.body as { seq: number }).seq;
  await page.waitForFunction(
    (n) => window.__skrDisplay!.lastSeq >= n && window.__skrDisplay!.settled,
    seq,
    { timeout: 20_000 },
  );
}
