import type { QueueSnapshot } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../src/i18n';
import { promisedWait } from '../src/promised-wait';
import { caughtUp, commitsOf, openCountedScreen, workOf as work } from './commit-counter';
import { act, callNext, configuredScreen, issue, openCounter, waitLatest } from './helpers';
import { screenBed } from './screen-bed';

// The screens' work per call (issue 12), counted rather than timed: React commits on a real
// screen in Chromium over the real server. A call drew twice (the call, then the waiting count
// from the snapshot asked ~300 ms later); a refresh that changed nothing drawn drew anyway.
const { browser, b } = screenBed({ branchPerTest: true });

describe('render work on a waiting-room screen', () => {
  it('draws a call and its lower waiting count in one commit; the refresh after it draws nothing', async () => {
    const kiosk = await b.device('kiosk');
    for (let i = 0; i < 5; i++) await issue(b, kiosk, 'emerytury');
    const clerk = await openCounter(b, 1);
    const s = await openCountedScreen(browser, b.url, await b.device('display', 'commits'));
    const line = s.page.locator('[data-service=emerytury]');
    await s.page.locator('[data-service=emerytury][data-waiting="5"]').waitFor({ timeout: 5000 });
    let prev: { id: string } | undefined;
    for (let left = 4; left >= 2; left--) {
      if (prev) await act(b, clerk, prev.id, 'start');
      await caughtUp(b, s.page);
      // Estimates held from the last call drawn (at the latest 3 s on), so none lands here.
      await s.page.waitForFunction(() => !window.__skrDisplay!.estimatesHeld, undefined, {
        timeout: 10_000,
      });
      const before = await work(s.page);
      const t = await callNext(b, clerk, 1);
      prev = t;
      await waitLatest(s.page, t.number);
      // The count is one lower as soon as the call is drawn, not after the refresh.
      expect(await line.getAttribute('data-waiting')).toBe(String(left));
      // The refresh the call caused has been answered (the premise of "it drew nothing").
      await caughtUp(b, s.page);
      const after = await work(s.page);
      expect(await line.getAttribute('data-waiting')).toBe(String(left));
      // One commit for the call; the new estimate waits for the next one (or draws late, on
      // its own, when no other came within 3 s on a loaded machine: counted apart).
      expect(after.commits - before.commits, `call of ${t.number}`).toBe(
        1 + after.lateDraws - before.lateDraws,
      );
    }
    // The estimate the branch gives is drawn (with a call, or on its own within 3 s). The
    // branch's estimate moves with its clock: when they differ, the screen is asked to refresh.
    const wait = line.locator('td').nth(1);
    await expect
      .poll(
        async () => {
          const q = await b.api('GET', '/api/v1/queue', clerk);
          const est = (q.body as QueueSnapshot).lines.find((l) => l.serviceId === 'emerytury')!;
          const [key, { count }] = promisedWait(est.estimatedWaitMinutes);
          const wording = catalogues.pl.board[key === 'board.minutes' ? 'minutes' : 'minutesOver'];
          const same = (await wait.textContent()) === wording.replace('{{count}}', String(count));
          if (!same) await s.page.evaluate(() => window.__skrDisplay!.refreshNow());
          return same;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
    await s.context.close();
  });

  it('commits nothing for a refresh that changes only what the screen does not draw', async () => {
    // A screen of the benefits hall: the pensions line changes in every snapshot, not on it.
    const token = await configuredScreen(b, 'benefits hall', {
      services: ['zasilki'],
      voiceLang: 'pl',
      volume: 1,
      message: '',
      historySize: 8,
    });
    const s = await openCountedScreen(browser, b.url, token);
    await s.page.locator('[data-service=zasilki]').waitFor({ timeout: 5000 });
    const kiosk = await b.device('kiosk');
    await caughtUp(b, s.page);
    const before = await commitsOf(s.page);
    const refreshed = await s.page.evaluate(() => window.__skrDisplay!.refreshes);
    for (let i = 0; i < 3; i++) {
      await issue(b, kiosk, 'emerytury');
      await caughtUp(b, s.page);
    }
    // Each issue was followed by a refresh (more may have been coalesced into one).
    expect(await s.page.evaluate(() => window.__skrDisplay!.refreshes)).toBeGreaterThan(refreshed);
    // And the periodic refresh (estimates drift with time) when nothing at all happened.
    await s.page.evaluate(() => window.__skrDisplay!.refreshNow());
    expect(await commitsOf(s.page)).toBe(before);
    await s.context.close();
  });
});
