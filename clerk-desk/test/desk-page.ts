import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { localDay } from '@skr/protocol/time-zone';
import { TEST_PASSWORD, type TestBranch } from '../../branch-server/test/harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The screen size the console is made for. */
export const VIEWPORT = { width: 1366, height: 768 };

/** Opens the console in a fresh browser context (own sessionStorage) at 1366×768. */
export async function openDesk(browser: Browser, url: string, locale = 'pl-PL'): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale,
    timezoneId: 'Europe/Warsaw',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url + '/desk/');
  return page;
}

/** Signs in with the mouse-free form (fills and presses Enter). */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Nazwa użytkownika').fill(username);
  await page.getByLabel('Hasło').fill(TEST_PASSWORD);
  await page.getByLabel('Hasło').press('Enter');
  await page.getByRole('heading', { name: 'Wybierz stanowisko' }).waitFor();
}

/** Picks a counter on the choice screen and waits for the serving console. */
export async function chooseCounter(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name} `) }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByTestId('do-call-next').waitFor();
}

/** Issues a walk-in ticket (or checks in a booking) through the API, as the kiosk would. */
export async function issue(
  branch: TestBranch,
  req: { serviceId?: string; bookingCode?: string },
): Promise<{ id: string; number: string }> {
  const r = await branch.api('POST', '/api/v1/tickets', await branch.login('admin'), req);
  if (r.status !== 201) throw new Error(`issue: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A ticket as the server has it now. */
export function serverTicket(branch: TestBranch, id: string) {
  return branch.branch.ticket(id);
}

/** Polls the text of a test id until it equals `want` (null: the element is absent). */
export async function expectText(page: Page, testId: string, want: string | null): Promise<void> {
  await expect
    .poll(
      async () => {
        const el = page.getByTestId(testId);
        return (await el.count()) === 0 ? null : el.first().textContent();
      },
      { timeout: 10_000 },
    )
    .toBe(want);
}

/** Waits until the ticket in hand shows this number (null: no client in hand). */
export function expectInHand(page: Page, number: string | null): Promise<void> {
  return expectText(page, 'ticket-number', number);
}

/** Presses Tab until the focused element's text matches (keyboard-only navigation). */
export async function tabTo(page: Page, text: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (text.test(focused)) return;
  }
  throw new Error(`no focusable element matching ${text} within ${max} tabs`);
}

/**
 * Saves a screenshot when SKR_SCREENSHOTS_DIR is set; always checks that the page fits the
 * 1366×768 screen without scrolling and passes axe.
 */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  const dir = process.env.SKR_SCREENSHOTS_DIR;
  const png = await page.screenshot({ path: dir ? `${dir}/${name}.png` : undefined });
  const size = await page.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
  }));
  expect(size.w).toBeLessThanOrEqual(VIEWPORT.width);
  expect(size.h).toBeLessThanOrEqual(VIEWPORT.height);
  expect(await axe(page)).toEqual([]);
  return png;
}

/** Runs axe-core (WCAG 2.1 A/AA) on the current screen; returns the violations found. */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const r = await page.evaluate(() =>
    (globalThis as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return r.violations.map(
    (v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`,
  );
}

/** The branch's calendar day `n` days from today (Warsaw), as YYYY-MM-DD. */
export const dayAhead = (n: number) => localDay(Date.now() + n * 86_400_000, 'Europe/Warsaw');

/** The pension service's slots on the day `n` days ahead, as the calendar answers `token`. */
export async function slotsAhead(
  branch: TestBranch,
  token: string,
  n: number,
): Promise<{ time: string; start: string; free: number }[]> {
  const day = dayAhead(n);
  const r = await branch.api(
    'GET',
    `/api/v1/calendar/slots?serviceId=emerytury&from=${day}&to=${day}`,
    token,
  );
  return r.body.slots;
}

/** Signs in on the manager's page (already open) as `user`. */
export async function signInManager(page: Page, user: string): Promise<void> {
  await page.getByLabel('Użytkownik').fill(user);
  await page.getByLabel('Hasło').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
}

/** Opens the manager's page at `baseUrl`, signs in as the manager and opens the calendar tab. */
export async function openManagerCalendar(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/desk/manager.html`);
  await signInManager(page, 'kierownik');
  await page.getByRole('tab', { name: 'Kalendarz' }).click();
}
