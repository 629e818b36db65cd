import { describe, expect, it } from 'vitest';
import { caughtUp, openCountedScreen, workOf } from './commit-counter';
import {
  act,
  callNext,
  configuredScreen,
  issue,
  openCounter,
  openScreen,
  waitLatest,
} from './helpers';
import { screenBed } from './screen-bed';

const { browser, b } = screenBed({ langs: ['pl'], branchPerTest: true });

describe('announcements on the screen', () => {
  it('fetches chime then phrase with the device token and plays a recall again', async () => {
    const s = await openCountedScreen(browser, b.url, await b.device('display'));
    const heard: { path: string; status: number; auth: boolean }[] = [];
    s.page.on('requestfinished', (req) => {
      const path = new URL(req.url()).pathname;
      if (!path.startsWith('/api/v1/audio/')) return;
      void req
        .response()
        .then((res) =>
          heard.push({ path, status: res?.status() ?? 0, auth: !!req.headers().authorization }),
        );
    });
    const kiosk = await b.device('kiosk');
    await issue(b, kiosk, 'emerytury');
    const clerk = await openCounter(b, 1);
    await caughtUp(b, s.page);
    const before = await workOf(s.page);
    const t = await callNext(b, clerk, 1);
    await waitLatest(s.page, t.number);
    const audio = s.page.getByTestId('audio-state');
    // Played to the end (Chromium plays with a fake output device, in real time).
    await s.page
      .locator('[data-testid=audio-state][data-played="1"]')
      .waitFor({ state: 'attached', timeout: 20_000 });
    // One render for the call, its flash and its line's count; none when the announcement
    // ends (the played count is written without one), none for the refresh after the call.
    // New estimates alone are drawn with the next render or after 3 s (the playback takes
    // about that long): such a late draw is counted apart, as in render-work.
    await caughtUp(b, s.page);
    const after = await workOf(s.page);
    expect(after.commits).toBe(before.commits + 1 + after.lateDraws - before.lateDraws);
    const id = `pl-${t.number}-1`;
    expect(heard.map((h) => h.path)).toEqual(
      expect.arrayContaining(['/api/v1/audio/chime.wav', `/api/v1/audio/${id}.wav`]),
    );
    expect(heard.every((h) => h.status === 200 && h.auth)).toBe(true);
    await act(b, clerk, t.id, 'recall');
    await s.page
      .locator('[data-testid=audio-state][data-played="2"]')
      .waitFor({ state: 'attached', timeout: 20_000 });
    expect(await audio.getAttribute('data-played')).toBe('2');
    expect(await audio.getAttribute('data-failed')).toBe('0');
    expect(await s.page.evaluate(() => window.__skrDisplay!.audio.played)).toEqual([id, id]);
    // The chime is fetched once and reused.
    expect(heard.filter((h) => h.path.endsWith('chime.wav'))).toHaveLength(1);
    await s.context.close();
  });

  it('stays silent on a screen configured with volume 0', async () => {
    const token = await configuredScreen(b, 'quiet', {
      services: [],
      voiceLang: 'pl',
      volume: 0,
      message: '',
      historySize: 6,
    });
    const s = await openScreen(browser, b.url, token);
    await s.page.waitForFunction(() => !document.querySelector('[data-testid=message]'));
    const asked: string[] = [];
    s.page.on('request', (req) => {
      if (req.url().includes('/api/v1/audio/')) asked.push(req.url());
    });
    const kiosk = await b.device('kiosk');
    await issue(b, kiosk, 'zasilki');
    const clerk = await openCounter(b, 4);
    const t = await callNext(b, clerk, 4);
    await waitLatest(s.page, t.number);
    await s.page.waitForTimeout(500);
    expect(asked).toEqual([]);
    await s.context.close();
  });
});
