import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startTestBranch, type TestBranch } from './harness';

// Issue 13: /desk/, /desk/manager.html, /display/, /q/ had no CSP, no frame-ancestors and no
// nosniff. Every served page is fetched for its headers, then opened in Chromium to show the
// policy (no 'unsafe-inline' for the apps) does not break them.
let b: TestBranch;
let browser: Browser;
let pages: string[] = [];
beforeAll(async () => {
  b = await startTestBranch();
  const kiosk = await b.device('kiosk');
  const t = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
  pages = [
    '/desk/',
    '/desk/manager.html',
    '/display/',
    `/q/${t.body.id}`,
    '/api/v1/docs',
    '/api/v1/docs/',
  ];
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await b?.close();
});

describe('security headers on every served page (issue 13)', () => {
  it('each page answers 200 with CSP, frame-ancestors, nosniff and a referrer policy', async () => {
    for (const path of pages) {
      const res = await fetch(b.url + path);
      await res.arrayBuffer();
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      if (!path.startsWith('/api/v1/docs')) expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    // The API and the assets too (nosniff services most for what is not a page).
    const api = await fetch(`${b.url}/api/v1/health`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('the pages still run under their policy (no violation in Chromium)', async () => {
    for (const path of pages) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(b.url + path, { waitUntil: 'load', timeout: 15_000 });
      await page.waitForTimeout(500);
      // Something was drawn: the apps render into their root.
      const text = (await page.evaluate('document.body.innerText.trim().length')) as number;
      expect(text, path).toBeGreaterThan(0);
      expect(violations, path).toEqual([]);
      await ctx.close();
    }
  }, 90_000);
});
