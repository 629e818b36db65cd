import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, type TestBranch } from '../../branch-server/test/harness';
import {
  chooseCounter,
  expectInHand,
  expectText,
  issue,
  openDesk,
  screenshot,
  serverTicket,
  signIn,
} from './desk-page';

// The server stops in the middle of a service and comes back on the same port with the same
// database: the console says so, keeps the ticket in hand, and carries on by itself.
describe('clerk desk in Chromium: server gone and back', () => {
  // Each attempt of each test gets its own database, server, port and console (browser
  // context); a retry never meets its first attempt's tickets, stopped server or session.
  let dir: string;
  let branch: TestBranch;
  let browser: Browser;
  let page: Page;
  let port: number;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'skr-desk-recovery-'));
    branch = await startTestBranch({ dir });
    port = Number(new URL(branch.url).port);
    page = await openDesk(browser, branch.url);
    page.setDefaultTimeout(10_000);
  });
  afterEach(async () => {
    await page?.context().close();
    await branch?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Counter 3 signed in with A001 called (an A and a B ticket waited); the A ticket's id. */
  async function clientInHand(): Promise<string> {
    await signIn(page, 'urzednik3');
    await chooseCounter(page, 'Stanowisko 3');
    const ticketId = (await issue(branch, { serviceId: 'emerytury' })).id;
    await issue(branch, { serviceId: 'ogolne' });
    await page.getByTestId('do-call-next').click();
    await expectInHand(page, 'A001');
    return ticketId;
  }

  /** Stops the server with the console open and waits until the console notices. */
  async function serverGone(): Promise<void> {
    await branch.close(true);
    await page.getByTestId('offline').waitFor();
  }

  it('has a client in hand', async () => {
    await clientInHand();
  });

  it('says the server is gone and keeps the ticket on screen', async () => {
    await clientInHand();
    await serverGone();
    expect(await page.getByTestId('offline').textContent()).toContain('Brak połączenia z serwerem');
    await expectInHand(page, 'A001');
    expect(await page.getByTestId('ticket-state').textContent()).toBe('wezwany');
    // Nothing can be sent meanwhile, so nothing is lost or half-done.
    expect(await page.getByTestId('do-start').isDisabled()).toBe(true);
    expect(await page.getByTestId('do-call-next').isDisabled()).toBe(true);
    await screenshot(page, 'desk-offline');
  });

  it('recovers by itself on restart; the ticket in hand is still actionable', async () => {
    const ticketId = await clientInHand();
    await serverGone();
    branch = await startTestBranch({ dir, port });
    await page.getByTestId('restored').waitFor({ timeout: 15_000 });
    await expectText(page, 'offline', null);
    await expectInHand(page, 'A001');
    await page.getByTestId('do-start').click();
    await expectText(page, 'ticket-state', 'w obsłudze');
    expect(serverTicket(branch, ticketId).state).toBe('serving');
    // Live updates flow again: a new ticket shows up in the lines without reload.
    await issue(branch, { serviceId: 'emerytury' });
    await expectText(page, 'lines-total', 'Razem czeka: 2');
    await page.getByTestId('do-finish').click();
    await expectInHand(page, null);
    expect(serverTicket(branch, ticketId).state).toBe('done');
  });

  it('recovers when the page is reloaded while the server is down', async () => {
    await signIn(page, 'urzednik3');
    await chooseCounter(page, 'Stanowisko 3');
    await issue(branch, { serviceId: 'ogolne' });
    await issue(branch, { serviceId: 'emerytury' });
    await page.getByTestId('do-call-next').click();
    await page.getByTestId('ticket-number').waitFor();
    const called = branch.branch.snapshot().counters.find((c) => c.id === 3)!.ticket!;
    await expectInHand(page, called.number);
    await serverGone();
    await page.reload().catch(() => undefined);
    branch = await startTestBranch({ dir, port });
    // The session (sessionStorage) survives the reload; the snapshot brings the ticket back.
    // Chromium may still be busy with the error page of the first reload: retry the navigation.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await page.goto(`${branch.url}/desk/`);
        break;
      } catch (e) {
        if (attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await expectInHand(page, called.number);
    await page.getByTestId('do-no-show').click();
    await expectInHand(page, null);
    expect(serverTicket(branch, called.id).state).toBe('no-show');
  });
});
