import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCounters } from '../../branch-server/src/seed/demo-branch';
import { callEvents, historyOf, issue, openCounter, openScreen } from './helpers';
import { screenBed } from './screen-bed';

// The opening burst: twelve counters call at the same moment. Every call must be shown and
// announced, in call order, on a screen with real sound (WAVs fetched from the branch); the
// calls queued behind the first are read in the short form, under one chime.
const { browser, b } = screenBed({ langs: ['pl'], branchPerTest: true });

/** Records every number the big panel shows, in order (a MutationObserver, no polling). */
async function recordLatest(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid=latest-call]')!;
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      const n = el.getAttribute('data-number') ?? '';
      if (n && seen[seen.length - 1] !== n) seen.push(n);
    }).observe(el, { attributes: true });
  });
}

describe('opening burst on a screen', () => {
  it('shows and announces all 12 simultaneous calls in call order, none pushed off', async () => {
    const s = await openScreen(browser, b.url, await b.device('display', 'Sala'));
    await recordLatest(s.page);
    const clips: { path: string; status: number }[] = [];
    s.page.on('requestfinished', (req) => {
      const path = new URL(req.url()).pathname;
      if (path.startsWith('/api/v1/audio/'))
        void req.response().then((r) => clips.push({ path, status: r?.status() ?? 0 }));
    });
    const kiosk = await b.device('kiosk');
    // Two tickets in each counter's main service, so every counter has someone to call.
    for (const c of demoCounters) {
      const main = Object.keys(c.skills)[0]!;
      await issue(b, kiosk, main);
      await issue(b, kiosk, main);
    }
    const clerks = await Promise.all(demoCounters.map((c) => openCounter(b, c.id)));
    const called = await Promise.all(
      demoCounters.map((c, i) =>
        b.api('POST', `/api/v1/counters/${c.id}/call-next`, clerks[i]).then((r) => {
          expect(r.status).toBe(200);
          return r.body.ticket as { number: string; counterId: number };
        }),
      ),
    );
    expect(called.every((t) => t !== null)).toBe(true);
    // The branch's own order of the calls is the order the screen must keep.
    const order = (await callEvents(b, await b.login('kierownik'))).map((e) => e.number);
    expect(order).toHaveLength(12);
    const counterOf = new Map(called.map((t) => [t.number, t.counterId]));

    // All twelve applied: the first is being announced, the other eleven wait in the history
    // (a list of 8 by default), none pushed off.
    await s.page.waitForFunction(() => window.__skrDisplay!.calls.length === 12);
    const shownNow = [
      await s.page.getByTestId('latest-call').getAttribute('data-number'),
      ...(await historyOf(s.page)),
    ];
    expect(new Set(shownNow)).toEqual(new Set(order));
    const waiting = await s.page
      .locator('[data-testid=call-history] li[data-unheard]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));
    expect(waiting.length).toBeGreaterThanOrEqual(10);

    // Every call announced (~3 s each, in real time), in call order, with a single chime.
    await s.page.waitForFunction(() => window.__skrDisplay!.audio.played.length >= 12, null, {
      timeout: 100_000,
      polling: 500,
    });
    const audio = await s.page.evaluate(() => ({ ...window.__skrDisplay!.audio }));
    expect(audio.played).toEqual(order.map((n) => `pl-${n}-${counterOf.get(n)}`));
    expect(audio.failed).toBe(0);
    expect(audio.chimes).toBe(1);
    // The first call in full, the eleven queued behind it in the short burst form.
    expect(audio.short).toBe(11);
    const phrases = clips.filter((c) => !c.path.endsWith('/chime.wav'));
    expect(phrases.map((c) => c.path).sort()).toEqual(
      order
        .map((n, i) => `/api/v1/audio/pl-${n}-${counterOf.get(n)}${i === 0 ? '' : '-short'}.wav`)
        .sort(),
    );
    expect(clips.every((c) => c.status === 200)).toBe(true);
    // The short form ("Ha dwanaście, stanowisko dziewięć.") is well under the full sentence.
    const screenToken = await b.device('display', 'Sala 2');
    const wavBytes = async (id: string) => {
      const res = await fetch(`${b.url}/api/v1/audio/${id}.wav`, {
        headers: { authorization: `Bearer ${screenToken}` },
      });
      expect(res.status).toBe(200);
      return (await res.arrayBuffer()).byteLength;
    };
    const last = order[order.length - 1]!;
    const full = await wavBytes(`pl-${last}-${counterOf.get(last)}`);
    const short = await wavBytes(`pl-${last}-${counterOf.get(last)}-short`);
    expect(short).toBeLessThan(full * 0.8);
    // The big panel walked through the calls in their order, in step with the voice.
    const seen = await s.page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen).toEqual(order);
    // Afterwards the history is back to its size (8) and nothing is marked as waiting.
    await s.page.waitForFunction(
      () => document.querySelectorAll('[data-testid=call-history] li[data-unheard]').length === 0,
    );
    expect(await historyOf(s.page)).toHaveLength(8);
    await s.context.close();
  }, 150_000);
});
