import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, type TestBranch } from '../../branch-server/test/harness';
import { VIEWPORT, chooseCounter, expectInHand, issue, serverTicket, signIn } from './desk-page';

// A desk PC set to UTC whose clock runs 2 h 17 min ahead of the branch server: the desk must
// show the ticket's times on the branch's (Warsaw) wall clock and count waits by the server.
const BEHIND_MS = (2 * 60 + 17) * 60_000;
let browser: Browser;
let b: TestBranch;

beforeAll(async () => {
  [browser, b] = await Promise.all([
    launchBrowser(),
    startTestBranch({ now: () => new Date(Date.now() - BEHIND_MS) }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await b?.close();
});

describe('desk times', () => {
  it('shows branch times in the branch zone and waits by the server clock on a UTC PC', async () => {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'pl-PL',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    await page.goto(b.url + '/desk/');
    const t = await issue(b, { serviceId: 'emerytury' });
    await signIn(page, 'urzednik1');
    await chooseCounter(page, 'Stanowisko 1');
    await page.getByTestId('do-call-next').click();
    await expectInHand(page, t.number);
    const issuedAt = serverTicket(b, t.id).issuedAt;
    const inWarsaw = new Intl.DateTimeFormat('pl-PL', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Warsaw',
    }).format(new Date(issuedAt));
    const inUtc = new Intl.DateTimeFormat('pl-PL', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(issuedAt));
    expect(inWarsaw).not.toBe(inUtc);
    const facts = await page.locator('.facts dd').allTextContents();
    expect(facts).toContain(inWarsaw);
    expect(facts).not.toContain(inUtc);
    // Waited by the server's clock: just issued, so 0 min, not the PC's 137.
    await expect.poll(() => page.getByTestId('waited').textContent()).toMatch(/^0\b/);
    await context.close();
  });
});
