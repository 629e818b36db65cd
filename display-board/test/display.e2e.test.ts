import { describe, expect, it } from 'vitest';
import {
  act,
  appliedCalls,
  callEvents,
  callNext,
  configuredScreen,
  historyOf,
  issue,
  latestOf,
  openCounter,
  openScreen,
  waitLatest,
} from './helpers';
import { startTestBranch } from '../../branch-server/test/harness';
import { screenBed } from './screen-bed';

const { browser, b } = screenBed({ branchPerTest: true });

describe('waiting-room screen in Chromium', () => {
  it('shows a call on two open screens at once and keeps the token out of the address bar', async () => {
    const kiosk = await b.device('kiosk');
    const [one, two] = await Promise.all([
      openScreen(browser, b.url, await b.device('display', 'hall left')),
      openScreen(browser, b.url, await b.device('display', 'hall right')),
    ]);
    expect(one.page.url()).not.toContain('token=');
    expect(
      await one.page.evaluate(() => localStorage.getItem('skr.display.credential')),
    ).toBeTruthy();
    const t1 = await issue(b, kiosk, 'emerytury');
    await issue(b, kiosk, 'emerytury');
    const clerk = await openCounter(b, 1);
    const called = await callNext(b, clerk, 1);
    expect(called.number).toBe(t1.number);
    const [ev] = (await callEvents(b, clerk)).slice(-1);
    for (const s of [one, two]) {
      await waitLatest(s.page, t1.number, ev!.seq);
      const counter = s.page.locator('[data-testid=latest-call] .latest-counter');
      await expect(counter.getAttribute('aria-label')).resolves.toBe('Stanowisko 1');
      await expect(counter.innerText()).resolves.toMatch(/STANOWISKO\s+1/);
      // Line counts follow by the debounced snapshot: one ticket still waits for pensions.
      await s.page.locator('[data-service=emerytury][data-waiting="1"]').waitFor({ timeout: 3000 });
      const text = await s.page.locator('body').innerText();
      expect(text).toContain('Emerytury i renty');
    }
    // A reload resumes from the stored credential.
    await one.page.reload();
    await waitLatest(one.page, t1.number);
    await Promise.all([one.context.close(), two.context.close()]);
  });

  it('recall flashes again; start keeps the call; transfer and park take the ticket off', async () => {
    const kiosk = await b.device('kiosk');
    const s = await openScreen(browser, b.url, await b.device('display'));
    const c2 = await openCounter(b, 2);
    const c3 = await openCounter(b, 3);
    for (let i = 0; i < 4; i++) await issue(b, kiosk, 'emerytury');
    const a = await callNext(b, c2, 2);
    await waitLatest(s.page, a.number);
    const first = await latestOf(s.page);
    await act(b, c2, a.id, 'recall');
    await s.page
      .locator(`[data-testid=latest-call][data-flashes="${first.flashes + 1}"]`)
      .waitFor({ timeout: 5000 });
    const recalled = await latestOf(s.page);
    expect(recalled.number).toBe(a.number);
    expect(recalled.seq).toBeGreaterThan(first.seq);
    await expect(
      s.page.locator('[data-testid=latest-call] .latest-call.flash').count(),
    ).resolves.toBe(1);
    // Start: still the latest call (now being served), no new flash.
    await act(b, c2, a.id, 'start');
    const x = await callNext(b, c3, 3);
    await waitLatest(s.page, x.number);
    expect(await historyOf(s.page)).toContain(a.number);
    // Transfer the ticket at counter 3 to another service: gone from the screen, the previous
    // call is the latest again.
    await act(b, c3, x.id, 'transfer', { serviceId: 'zasilki', position: 'front' });
    await waitLatest(s.page, a.number);
    expect(await historyOf(s.page)).not.toContain(x.number);
    // Park the next one: gone as well.
    await act(b, c3, (await callNext(b, c3, 3)).id, 'start');
    const y = await callNext(b, c3, 3);
    await waitLatest(s.page, y.number);
    await act(b, c3, y.id, 'park');
    await s.page
      .locator(`[data-testid=latest-call]:not([data-number="${y.number}"])`)
      .waitFor({ timeout: 5000 });
    expect(await historyOf(s.page)).not.toContain(y.number);
    // Every call and recall the branch logged since the screen opened, each applied once.
    const applied = await appliedCalls(s.page);
    const seqs = applied.map((c) => c.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const truth = (await callEvents(b, c2)).filter((e) => e.seq >= applied[0]!.seq);
    expect(applied.map(({ seq, number }) => ({ seq, number }))).toEqual(truth);
    expect(applied.filter((c) => c.type === 'ticket.recalled')).toHaveLength(1);
    await s.context.close();
  });

  it(
    'follows the screen’s configuration: services shown, message line, history size',
    { timeout: 60_000 },
    async () => {
      // A branch of its own: tickets transferred in other tests would change who gets called.
      const b = await startTestBranch();
      const config = {
        services: ['zasilki'],
        voiceLang: 'en' as const,
        volume: 0.4,
        message: 'Komunikat testowy: okienko 5 nieczynne od 14:00.',
        historySize: 6,
      };
      const s = await openScreen(
        browser,
        b.url,
        await configuredScreen(b, 'benefits hall', config),
      );
      await s.page.getByText(config.message).waitFor({ timeout: 5000 });
      const kiosk = await b.device('kiosk');
      const benefit = await issue(b, kiosk, 'zasilki');
      const pension = await issue(b, kiosk, 'emerytury');
      const c4 = await openCounter(b, 4); // zasilki first
      const c10 = await openCounter(b, 10); // orzecznictwo, then emerytury
      const got = await callNext(b, c4, 4);
      expect(got.number).toBe(benefit.number);
      await waitLatest(s.page, benefit.number);
      const other = await callNext(b, c10, 10);
      expect(other.number).toBe(pension.number);
      // The pension call is another hall's business: this screen keeps showing the benefit call.
      await s.page.waitForTimeout(500);
      expect((await latestOf(s.page)).number).toBe(benefit.number);
      await expect(s.page.locator('[data-testid=waiting-lines] tbody tr').count()).resolves.toBe(1);
      await s.context.close();
      await b.close();
    },
  );

  it('asks to be paired by code, in Polish, English and Ukrainian', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${b.url}/display/`);
    const notice = page.getByTestId('pairing-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Ekran nie jest sparowany');
    expect(text).toContain('This screen is not paired');
    expect(text).toContain('Екран не підключено');
    // It shows a pairing code at once (pairing-e2e pairs one by it).
    await page.locator('[data-testid=pairing-code]').waitFor();
    await context.close();
    // A revoked screen lands on the same notice (with the reason and a new code), not an error.
    const admin = await b.login('admin');
    const dev = await b.api('POST', '/api/v1/devices', admin, { kind: 'display', name: 'old' });
    const s = await openScreen(browser, b.url, dev.body.token);
    await b.api('POST', `/api/v1/devices/${dev.body.id}/revoke`, admin);
    await s.page.getByText('Poświadczenie tego ekranu jest nieważne', { exact: false }).waitFor();
    await s.page.locator('[data-testid=pairing-code]').waitFor();
    expect(await s.page.evaluate(() => localStorage.getItem('skr.display.credential'))).toBeNull();
    await s.context.close();
  });

  it('fits landscape 1920×1080 and portrait 1080×1920 without overflow', async () => {
    // A call on the board, so the latest-call panel holds a number.
    await issue(b, await b.device('kiosk'), 'emerytury');
    await callNext(b, await openCounter(b, 1), 1);
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1080, height: 1920 },
    ]) {
      const s = await openScreen(browser, b.url, await b.device('display'), viewport);
      await s.page
        .locator('[data-testid=latest-call][data-number]:not([data-number=""])')
        .waitFor();
      const boxes = await s.page.evaluate(() =>
        ['latest-call', 'call-history', 'waiting-lines', 'message'].map((id) => {
          const r = document.querySelector(`[data-testid=${id}]`)!.getBoundingClientRect();
          return { id, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
        }),
      );
      for (const box of boxes) {
        expect(box.top, box.id).toBeGreaterThanOrEqual(0);
        expect(box.bottom, box.id).toBeLessThanOrEqual(viewport.height);
        expect(box.right, box.id).toBeLessThanOrEqual(viewport.width);
      }
      const latest = boxes[0]!;
      // The latest call is the largest thing on screen: at least a fifth of the height.
      expect(latest.bottom - latest.top).toBeGreaterThan(viewport.height / 5);
      await s.context.close();
    }
  });
});
