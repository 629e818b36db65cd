import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, type TestBranch } from '../../branch-server/test/harness';
import {
  act,
  appliedCalls,
  callEvents,
  callNext,
  historyOf,
  issue,
  openCounter,
  openScreen,
  waitLatest,
} from './helpers';
import { startCutProxy } from './cut-proxy';

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'skr-display-resume-'));
const servers: TestBranch[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close(true);
  rmSync(dir, { recursive: true, force: true });
});

describe('screen resumes from its last seq', () => {
  it('loses nothing and shows nothing twice across a server restart on the same port', async () => {
    // A folder per attempt: CI's retry must not find the first attempt's database.
    const data = mkdtempSync(join(dir, 'attempt-'));
    const first = await startTestBranch({ dir: data });
    servers.push(first);
    const port = Number(new URL(first.url).port);
    const token = await first.device('display');
    const kiosk = await first.device('kiosk');
    for (let i = 0; i < 8; i++) await issue(first, kiosk, 'emerytury');
    const s = await openScreen(browser, first.url, token);
    let clerk = await openCounter(first, 1);
    const a = await callNext(first, clerk, 1);
    await act(first, clerk, a.id, 'recall');
    await waitLatest(s.page, a.number);
    const seqBefore = await s.page.evaluate(() => window.__skrDisplay!.lastSeq);

    await first.close(true);
    await s.page.getByTestId('offline').waitFor({ timeout: 10_000 });

    // Same database, same address: the page keeps running and reconnects by itself.
    const second = await startTestBranch({ dir: data, port });
    servers.push(second);
    clerk = await second.login('urzednik1');
    const c2 = await openCounter(second, 2);
    await act(second, clerk, a.id, 'start');
    const b1 = await callNext(second, clerk, 1); // finishes A, calls the next
    const b2 = await callNext(second, c2, 2);
    await act(second, c2, b2.id, 'recall');
    await waitLatest(s.page, b2.number);
    await s.page.locator('[data-testid=board][data-status=online]').waitFor();

    const truth = await callEvents(second, clerk);
    const applied = await appliedCalls(s.page);
    // Exactly the branch's calls and recalls, in order, each once: before and after the cut.
    expect(applied.map(({ seq, number }) => ({ seq, number }))).toEqual(truth);
    expect(applied.filter((c) => c.seq > seqBefore).map((c) => c.number)).toEqual([
      b1.number,
      b2.number,
      b2.number,
    ]);
    const last = truth[truth.length - 1]!;
    expect(await s.page.evaluate(() => window.__skrDisplay!.lastSeq)).toBeGreaterThanOrEqual(
      last.seq,
    );
    const history = await historyOf(s.page);
    expect(history).toEqual([b1.number, a.number]);
    await s.context.close();
  });

  it('catches up after a network cut with the calls made meanwhile', async () => {
    const b = await startTestBranch();
    servers.push(b);
    const proxy = await startCutProxy(b.url);
    try {
      const kiosk = await b.device('kiosk');
      for (let i = 0; i < 6; i++) await issue(b, kiosk, 'zasilki');
      const s = await openScreen(browser, proxy.url, await b.device('display'));
      const clerk = await openCounter(b, 4);
      const first = await callNext(b, clerk, 4);
      await waitLatest(s.page, first.number);
      await proxy.cut();
      await s.page.getByTestId('offline').waitFor({ timeout: 10_000 });
      const missed: string[] = [];
      let prev = first;
      for (let i = 0; i < 3; i++) {
        await act(b, clerk, prev.id, 'start');
        prev = await callNext(b, clerk, 4);
        missed.push(prev.number);
      }
      await act(b, clerk, prev.id, 'recall');
      await proxy.restore();
      await s.page.locator('[data-testid=board][data-status=online]').waitFor({ timeout: 10_000 });
      await waitLatest(s.page, missed[2]!);
      await s.page.locator('[data-testid=latest-call][data-flashes]').waitFor();
      const applied = await appliedCalls(s.page);
      expect(applied.map((c) => c.number)).toEqual([first.number, ...missed, missed[2]]);
      expect(applied.map((c) => c.seq)).toEqual((await callEvents(b, clerk)).map((e) => e.seq));
      // Replayed calls a moment old still flash (and would be announced): 1 live + 4 replayed.
      expect(Number(await s.page.getByTestId('latest-call').getAttribute('data-flashes'))).toBe(5);
      await s.context.close();
    } finally {
      await proxy.close();
    }
  });
});
