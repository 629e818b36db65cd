import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, type TestBranch } from '../../branch-server/test/harness';
import { openScreen, waitLatest, type ScreenPage } from './helpers';
import { chooseCounter, issue, openDesk, signIn } from '../../clerk-desk/test/desk-page';

// The whole calling path in Chromium: a clerk presses "call next" in the desk page and two
// waiting-room screens (landscape and portrait) show the call; a recall flashes both again.
describe('desk → screens', () => {
  let branch: TestBranch;
  let browser: Browser;
  let screens: ScreenPage[];

  beforeAll(async () => {
    branch = await startTestBranch();
    browser = await launchBrowser();
    const token = await branch.device('display', 'Sala główna');
    screens = [
      await openScreen(browser, branch.url, token),
      await openScreen(browser, branch.url, await branch.device('display', 'Korytarz'), {
        width: 1080,
        height: 1920,
      }),
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await branch?.close();
  });

  it('shows a call made in the desk on both screens, and flashes a recall', async () => {
    const desk = await openDesk(browser, branch.url);
    desk.setDefaultTimeout(10_000);
    await signIn(desk, 'urzednik3');
    await chooseCounter(desk, 'Stanowisko 3');
    const t = await issue(branch, { serviceId: 'emerytury' });
    await desk.getByTestId('do-call-next').click();
    for (const s of screens) await waitLatest(s.page, t.number);
    for (const s of screens) {
      const text = await s.page.getByTestId('latest-call').innerText();
      expect(text).toContain(t.number);
      expect(text).toContain('3');
    }
    const before = Number(
      await screens[0]!.page.getByTestId('latest-call').getAttribute('data-flashes'),
    );
    await desk.getByTestId('do-recall').click();
    for (const s of screens) {
      await s.page
        .locator(`[data-testid=latest-call][data-flashes="${before + 1}"]`)
        .waitFor({ timeout: 5000 });
    }
  });
});
