import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { DisplayConfig } from '@skr/protocol/socket';
import type { TestBranch } from '../../branch-server/test/harness';

/** A screen's page with its own browser context (own localStorage, like a separate device). */
export interface ScreenPage {
  context: BrowserContext;
  page: Page;
}

/** The key under which a paired screen keeps its credential (display-board/src/pairing.ts). */
export const SCREEN_CREDENTIAL_KEY = 'skr.display.credential';

/**
 * Opens an already paired screen: its credential is in the browser's storage before the page
 * loads (as pairing by code leaves it; no token in the URL). Waits until it is live.
 */
export async function openScreen(
  browser: Browser,
  url: string,
  token: string,
  viewport = { width: 1920, height: 1080 },
  contextOptions: BrowserContextOptions = {},
  /** Called with the new context before the page loads (e.g. a benchmark serving another build). */
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<ScreenPage> {
  const context = await browser.newContext({ viewport, ...contextOptions });
  await prepare?.(context);
  // Only when none is stored, so a renewal the page made survives a reload.
  await context.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!);
    },
    [SCREEN_CREDENTIAL_KEY, JSON.stringify({ token })],
  );
  const page = await context.newPage();
  await page.goto(`${url}/display/`);
  await page.locator('[data-testid=board][data-status=online]').waitFor({ timeout: 10_000 });
  return { context, page };
}

/** The number and seq on a page's latest-call panel. */
export async function latestOf(
  page: Page,
): Promise<{ number: string; seq: number; flashes: number }> {
  const el = page.getByTestId('latest-call');
  return {
    number: (await el.getAttribute('data-number')) ?? '',
    seq: Number(await el.getAttribute('data-seq')),
    flashes: Number(await el.getAttribute('data-flashes')),
  };
}

/** Waits until the latest call on `page` shows `number` (optionally applied at `seq`). */
export async function waitLatest(page: Page, number: string, seq?: number): Promise<void> {
  const sel =
    `[data-testid=latest-call][data-number="${number}"]` +
    (seq === undefined ? '' : `[data-seq="${seq}"]`);
  await page.locator(sel).waitFor({ state: 'attached', timeout: 5000 });
}

/** Ticket numbers in the history list, newest first. */
export async function historyOf(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid=call-history] li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-number') ?? ''));
}

/** What the helpers below use of a branch (a test's, or a benchmark's server process). */
export type BranchCalls = Pick<TestBranch, 'api' | 'login'>;

/**
 * Pairs a screen named `name` with this configuration (as an admin does in the devices view)
 * and returns its device token.
 */
export async function configuredScreen(
  b: BranchCalls,
  name: string,
  config: DisplayConfig,
): Promise<string> {
  const admin = await b.login('admin');
  const dev = await b.api('POST', '/api/v1/devices', admin, { kind: 'display', name });
  const put = await b.api('PUT', `/api/v1/devices/${dev.body.id}/display-config`, admin, config);
  if (put.status !== 200)
    throw new Error(`display config: ${put.status} ${JSON.stringify(put.body)}`);
  return dev.body.token as string;
}

/** Issues a ticket at a kiosk; returns the answer (id, number, followUrl…). */
export async function issue(b: BranchCalls, kiosk: string, serviceId: string) {
  const r = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId });
  if (r.status !== 201) throw new Error(`issue: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; number: string; followUrl: string };
}

/** Signs clerk `urzednik<n>` in at counter n and opens it; returns the clerk's token. */
export async function openCounter(b: BranchCalls, n: number): Promise<string> {
  const token = await b.login(`urzednik${n}`);
  const r = await b.api('POST', `/api/v1/counters/${n}/open`, token);
  if (r.status !== 200) throw new Error(`open counter ${n}: ${r.status} ${JSON.stringify(r.body)}`);
  return token;
}

/** Clerk calls the next ticket at counter n; returns the ticket called. */
export async function callNext(b: BranchCalls, clerk: string, n: number) {
  const r = await b.api('POST', `/api/v1/counters/${n}/call-next`, clerk);
  if (r.status !== 200) throw new Error(`call-next ${n}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.ticket as { id: string; number: string };
}

/** A clerk action on a ticket (recall, start, park, transfer…). */
export async function act(
  b: BranchCalls,
  clerk: string,
  id: string,
  action: string,
  body?: unknown,
) {
  const r = await b.api('POST', `/api/v1/tickets/${id}/${action}`, clerk, body);
  if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.ticket as { id: string; number: string; state: string };
}

/** The branch's own log of call and recall events (the truth a screen must match). */
export async function callEvents(b: BranchCalls, token: string) {
  const r = await b.api('GET', '/api/v1/events?since=0&limit=5000', token);
  return (r.body.events as { seq: number; type: string; ticket?: { number: string } }[])
    .filter((e) => e.type === 'ticket.called' || e.type === 'ticket.recalled')
    .map((e) => ({ seq: e.seq, number: e.ticket!.number }));
}

/** The calls a page has applied (window.__skrDisplay.calls). */
export function appliedCalls(page: Page): Promise<{ seq: number; number: string; type: string }[]> {
  return page.evaluate(() =>
    window.__skrDisplay!.calls.map(({ seq, number, type }) => ({ seq, number, type })),
  );
}
