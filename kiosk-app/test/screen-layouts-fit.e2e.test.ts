import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { putEveryDayPlan } from '../../branch-server/test/booking-plan';
import { KIOSK_PANELS } from './kiosk-panels';
import { sharedKioskRig } from './kiosk-rig';
import { tapThrough } from './self-service-steps';

// What a pensioner sees first must fit the panel in every accessibility mode and language:
// the start screen in large text and high contrast on 1080×1920, 1920×1080 and 1280×1024 (session 7
// measured 7 px and ~430 px below the edge), and the booking screen's day tiles on a portrait
// panel (text ≥ 24 px, targets ≥ 48 px). Screenshots go to SKR_SCREENSHOTS_DIR when it is set.

const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const SIZES = KIOSK_PANELS;
const LANGS = ['pl', 'en', 'uk'] as const;
/** Display modes: large text and high contrast, off and on. */
const MODES = [
  { largeText: false, highContrast: false },
  { largeText: true, highContrast: false },
  { largeText: false, highContrast: true },
  { largeText: true, highContrast: true },
] as const;

const rig = sharedKioskRig({ ticketIdleSeconds: 600 }, async (r) => {
  await putEveryDayPlan(r.branch, ['emerytury']);
});

/** How a screen fits: document overflow, buttons past the edge, words split, text past its tile. */
interface Fit {
  /** Pixels the page scrolls vertically (scrollHeight − clientHeight). */
  overflowY: number;
  /** Buttons of the screen ending below the panel. */
  below: string[];
  /** Words broken across lines inside a word (a soft hyphen is a place to break). */
  brokenWords: string[];
  /** Tiles whose text is wider than the tile. */
  wideTiles: string[];
}

/** Measures the fit of the current screen (typed without the DOM lib, hence globalThis). */
function fit(p: Page): Promise<Fit> {
  return p.evaluate(() => {
    const d = (globalThis as any).document;
    const w = globalThis as any;
    const se = d.scrollingElement;
    const buttons = [...d.querySelectorAll('main button')];
    const brokenWords: string[] = [];
    for (const el of d.querySelectorAll('main .big-label, main .big-hint, main .slot > span')) {
      const node = el.firstChild;
      const text: string = node?.textContent ?? '';
      let from = 0;
      for (const word of text.split(/[\s\u00ad]+/).filter(Boolean)) {
        const at = text.indexOf(word, from);
        from = at + word.length;
        // A word is whole when its first and last letters sit on one line. (A range over the whole
        // word also reports the hyphen drawn for a soft hyphen just before it.)
        const lineOf = (i: number) => {
          const range = d.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          return Math.round([...range.getClientRects()].at(-1)?.top ?? 0);
        };
        if (lineOf(at) !== lineOf(from - 1)) brokenWords.push(word);
      }
    }
    return {
      overflowY: se.scrollHeight - se.clientHeight,
      below: buttons
        .filter((e: any) => e.getBoundingClientRect().bottom > w.innerHeight + 0.5)
        .map((e: any) => e.dataset.testid ?? e.textContent),
      brokenWords,
      wideTiles: buttons
        .filter((e: any) => e.scrollWidth > e.clientWidth + 0.5)
        .map((e: any) => e.dataset.testid ?? e.textContent),
    };
  });
}

/** Sets a toggle of the header to `on`. */
async function setToggle(p: Page, testId: string, on: boolean): Promise<void> {
  const toggle = p.getByTestId(testId);
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await p.locator(`[data-testid=${testId}][aria-pressed="${on}"]`).waitFor();
}

describe('the start screen fits every panel, mode and language', () => {
  it('no scrolling, every way in on the panel, no word split, no text past its tile', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    const misfits: string[] = [];
    for (const mode of MODES) {
      await setToggle(p, 'large-text', mode.largeText);
      await setToggle(p, 'high-contrast', mode.highContrast);
      for (const lang of LANGS) {
        await setToggle(p, `lang-${lang}`, true);
        for (const size of SIZES) {
          await p.setViewportSize({ width: size.width, height: size.height });
          const f = await fit(p);
          const where = `${size.name} ${lang}${mode.largeText ? ' large' : ''}${mode.highContrast ? ' contrast' : ''}`;
          if (f.overflowY > 0) misfits.push(`${where}: scrolls ${f.overflowY} px`);
          if (f.below.length) misfits.push(`${where}: below the panel ${f.below.join(', ')}`);
          if (f.brokenWords.length) misfits.push(`${where}: split ${f.brokenWords.join(', ')}`);
          if (f.wideTiles.length) misfits.push(`${where}: too wide ${f.wideTiles.join(', ')}`);
          // Photographed: Polish on every panel, and every language on the tightest one.
          const photo = lang === 'pl' || size.name === '1280x1024';
          if (SHOTS && mode.largeText && mode.highContrast && photo)
            await p.screenshot({
              path: join(
                SHOTS,
                `kiosk-home-large-contrast-${lang}-${size.width}x${size.height}.png`,
              ),
            });
        }
      }
    }
    expect(misfits).toEqual([]);
    await setToggle(p, 'lang-pl', true);
    await setToggle(p, 'large-text', false);
    await setToggle(p, 'high-contrast', false);
  });
});

/** The day tiles' smallest text and smallest side, and how many there are. */
function dayTiles(p: Page): Promise<{ count: number; minFontPx: number; minSidePx: number }> {
  return p.evaluate(() => {
    const d = (globalThis as any).document;
    const w = globalThis as any;
    const tiles = [...d.querySelectorAll('[data-testid^=booking-day-]')];
    const fonts = tiles.flatMap((t: any) =>
      [...t.querySelectorAll('span')].map((s: any) => parseFloat(w.getComputedStyle(s).fontSize)),
    );
    const sides = tiles.flatMap((t: any) => {
      const r = t.getBoundingClientRect();
      return [r.width, r.height];
    });
    return { count: tiles.length, minFontPx: Math.min(...fonts), minSidePx: Math.min(...sides) };
  });
}

/** The test ids of the day tiles on the page shown. */
function dayIds(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    [...(globalThis as any).document.querySelectorAll('[data-testid^=booking-day-]')].map(
      (e: any) => String(e.getAttribute('data-testid')),
    ),
  );
}

describe("the booking screen's day tiles on a portrait panel", () => {
  it('are readable and easy to hit in every language, in large text too', async () => {
    const p = rig.page;
    await p.setViewportSize({ width: 1080, height: 1920 });
    await p.getByTestId('home').waitFor();
    const misfits: string[] = [];
    for (const largeText of [false, true]) {
      await setToggle(p, 'large-text', largeText);
      for (const lang of LANGS) {
        await setToggle(p, `lang-${lang}`, true);
        await tapThrough(p, 'go-book', 'booking-service-emerytury');
        await p.locator('[data-testid^=booking-day-]').first().waitFor();
        const where = `${lang}${largeText ? ' large' : ''}`;
        const tiles = await dayTiles(p);
        // A month of days with free places (the plan books every day), twelve to a page.
        expect(tiles.count, where).toBe(12);
        // A pensioner reads every line at arm's length and hits a tile with a finger.
        if (tiles.minFontPx < 24) misfits.push(`${where}: text ${tiles.minFontPx} px`);
        if (tiles.minSidePx < 48) misfits.push(`${where}: tile side ${tiles.minSidePx} px`);
        const f = await fit(p);
        if (f.brokenWords.length) misfits.push(`${where}: split ${f.brokenWords.join(', ')}`);
        if (f.wideTiles.length) misfits.push(`${where}: too wide ${f.wideTiles.join(', ')}`);
        const sideways = await p.evaluate(() => {
          const d = (globalThis as any).document;
          return d.documentElement.scrollWidth > d.documentElement.clientWidth;
        });
        if (sideways) misfits.push(`${where}: scrolls sideways`);
        // A page of days, its "Later days" and "Back" are on the panel, in large text too.
        if (f.overflowY > 0) misfits.push(`${where}: scrolls ${f.overflowY} px`);
        if (f.below.length) misfits.push(`${where}: below the edge ${f.below.join(', ')}`);
        if (SHOTS && lang === 'pl')
          await p.screenshot({
            path: join(SHOTS, `kiosk-booking-days${largeText ? '-large' : ''}-1080x1920.png`),
            fullPage: true,
          });
        // The month is all there, page by page.
        const days = new Set(await dayIds(p));
        while (await p.getByTestId('booking-days-later').count()) {
          await p.getByTestId('booking-days-later').click();
          for (const d of await dayIds(p)) days.add(d);
        }
        expect(days.size, where).toBeGreaterThanOrEqual(28);
        await p.locator('[data-keypad-back]').click();
        await p.getByTestId('booking-service-emerytury').waitFor();
        await p.locator('[data-keypad-back]').click();
        await p.getByTestId('home').waitFor();
      }
    }
    expect(misfits).toEqual([]);
    await setToggle(p, 'lang-pl', true);
    await setToggle(p, 'large-text', false);
  });
});
