import { describe, expect, it } from 'vitest';
import { caughtUp, openCountedScreen } from './commit-counter';
import { screenBed } from './screen-bed';

// The clock draws a new minute in one commit and none in between: a second commit after the
// minute's (React re-rendering the root to find the same state, as when the second's tick set
// it again) was counted as the call's in the render-work and audio tests and failed them
// whenever a minute turned during a call (CI, session 10).
let offset = 0;
const { browser, b } = screenBed({ now: () => new Date(Date.now() + offset) });

describe("the screen's clock", () => {
  it('commits once when the minute turns, and not for the ticks around it', async () => {
    // The branch's minute turns 12 s from now: time to open the screen before it, also on a
    // loaded CI machine.
    offset = 60_000 - (Date.now() % 60_000) - 12_000;
    const s = await openCountedScreen(browser, b.url, await b.device('display'));
    await caughtUp(b, s.page);
    const clock = s.page.getByTestId('clock');
    const shown = await clock.textContent();
    const read = () => s.page.evaluate(() => ({ ...window.__skrCommits! }));
    const before = await read();
    await s.page.waitForFunction(
      (text) => document.querySelector('[data-testid=clock]')?.textContent !== text,
      shown,
      { timeout: 30_000 },
    );
    // Three more ticks of the second.
    await s.page.waitForTimeout(3200);
    const after = await read();
    expect(after.clock - before.clock).toBe(1);
    expect(after.all - before.all).toBe(1);
    await s.context.close();
  });
});
