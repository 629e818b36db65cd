import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { peselCheckDigit } from '@skr/protocol';
import { weeklyPlan } from '../../branch-server/test/booking-plan';
import { KIOSK_PANELS } from './kiosk-panels';
import { sharedKioskRig } from './kiosk-rig';
import { tapThrough } from './self-service-steps';

// What a pensioner sees first must fit the panel in every accessibility mode and language:
// the start screen in large text and high contrast on 1080×1920, 1920×1080 and 1280×1024 (session 7
// measured 7 px and ~430 px below the edge), the booking screen's day tiles and hour tiles on
// every panel, page by page (text ≥ 24 px, targets ≥ 48 px; a page holds what fits: twelve days
// ran ~470 px below 1280×1024 in large text), and its hours under a refusal.
// Screenshots go to SKR_SCREENSHOTS_DIR when it is set.

const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const SIZES = KIOSK_PANELS;
const LANGS = ['pl', 'en', 'uk'] as const;
/** A display mode: large text, and high contrast where set (left as it is where not). */
interface Mode {
  largeText: boolean;
  highContrast?: boolean;
}
/** Display modes: large text and high contrast, off and on. */
const MODES: readonly Mode[] = [
  { largeText: false, highContrast: false },
  { largeText: true, highContrast: false },
  { largeText: false, highContrast: true },
  { largeText: true, highContrast: true },
];
/** Normal text, then large. */
const TEXT_SIZES: readonly Mode[] = [{ largeText: false }, { largeText: true }];

/** Visits a day in the plan below: 08:00–16:00 in quarter hours, four pages of hours. */
const HOURS_A_DAY = 32;

// A branch's own plan, as the screenshots show it: weekdays only, statutory holidays closed, one
// counter 08:00–16:00 in quarter-hour visits. Whatever the date, the next 30 days hold ≥ 15 such
// days (more than a page of tiles) and every day after today a full set of hours.
const rig = sharedKioskRig({ ticketIdleSeconds: 600 }, async (r) => {
  const manager = await r.branch.login('kierownik');
  const plan = {
    ...weeklyPlan({ weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '16:00', counters: ['c1'] }),
    rules: { visitMinutes: 15 },
  };
  const put = await r.branch.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan });
  if (put.status !== 200) throw new Error(`plan: ${put.status} ${JSON.stringify(put.body)}`);
});

// Each test leaves the kiosk as the next one starts it, passed or not: 1280×1024, Polish, normal
// text.
afterEach(async () => {
  await rig.page.setViewportSize({ width: 1280, height: 1024 });
  await setToggle(rig.page, 'lang-pl', true);
  await setToggle(rig.page, 'large-text', false);
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

/**
 * Waits two frames: a page of tiles follows the panel's size and large text a frame after they
 * change (its resize handlers and observers run then), and `setViewportSize` does not wait for it.
 */
function settled(p: Page): Promise<void> {
  return p.evaluate(
    () =>
      new Promise<void>((done) => {
        const w = globalThis as any;
        w.requestAnimationFrame(() => w.requestAnimationFrame(() => done()));
      }),
  );
}

/** Measures the fit of the current screen (typed without the DOM lib, hence globalThis). */
async function fit(p: Page): Promise<Fit> {
  await settled(p);
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

/**
 * What keeps a page of tiles from being read and hit by a pensioner: small text or tiles, a
 * scroll, a button below the edge, a split word, text wider than its tile.
 */
async function tileMisfits(p: Page, where: string, prefix: string): Promise<string[]> {
  const tiles = await tileSizes(p, prefix);
  const f = await fit(p);
  return [
    ...(tiles.minFontPx < 24 ? [`${where}: text ${tiles.minFontPx} px`] : []),
    ...(tiles.minSidePx < 48 ? [`${where}: tile side ${tiles.minSidePx} px`] : []),
    ...(f.overflowY > 0 ? [`${where}: scrolls ${f.overflowY} px`] : []),
    ...(f.below.length ? [`${where}: below the edge ${f.below.join(', ')}`] : []),
    ...(f.brokenWords.length ? [`${where}: split ${f.brokenWords.join(', ')}`] : []),
    ...(f.wideTiles.length ? [`${where}: too wide ${f.wideTiles.join(', ')}`] : []),
  ];
}

/** Sets a toggle of the header to `on`. */
async function setToggle(p: Page, testId: string, on: boolean): Promise<void> {
  const toggle = p.getByTestId(testId);
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await p.locator(`[data-testid=${testId}][aria-pressed="${on}"]`).waitFor();
}

/** Where {@link onEveryPanel} has the kiosk; `where` names it for a misfit ("portrait uk large"). */
interface Panel {
  size: (typeof SIZES)[number];
  lang: (typeof LANGS)[number];
  mode: Mode;
  where: string;
}

/**
 * Runs `check` on every panel, in every language, in each of `modes` in turn (normal text, then
 * large, unless told), set on the kiosk; returns the misfits it reported.
 */
async function onEveryPanel(
  p: Page,
  check: (at: Panel, misfit: (...found: string[]) => void) => Promise<void>,
  modes: readonly Mode[] = TEXT_SIZES,
): Promise<string[]> {
  const misfits: string[] = [];
  for (const mode of modes) {
    await setToggle(p, 'large-text', mode.largeText);
    if (mode.highContrast !== undefined) await setToggle(p, 'high-contrast', mode.highContrast);
    for (const lang of LANGS) {
      await setToggle(p, `lang-${lang}`, true);
      for (const size of SIZES) {
        await p.setViewportSize({ width: size.width, height: size.height });
        const where = `${size.name} ${lang}${mode.largeText ? ' large' : ''}${mode.highContrast ? ' contrast' : ''}`;
        await check({ size, lang, mode, where }, (...found) => misfits.push(...found));
      }
    }
  }
  return misfits;
}

describe('the start screen fits every panel, mode and language', () => {
  it('no scrolling, every way in on the panel, no word split, no text past its tile', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    const misfits = await onEveryPanel(
      p,
      async ({ size, lang, mode, where }, misfit) => {
        const f = await fit(p);
        if (f.overflowY > 0) misfit(`${where}: scrolls ${f.overflowY} px`);
        if (f.below.length) misfit(`${where}: below the panel ${f.below.join(', ')}`);
        if (f.brokenWords.length) misfit(`${where}: split ${f.brokenWords.join(', ')}`);
        if (f.wideTiles.length) misfit(`${where}: too wide ${f.wideTiles.join(', ')}`);
        // Photographed: Polish on every panel, and every language on the tightest one.
        const photo = lang === 'pl' || size.name === '1280x1024';
        if (SHOTS && mode.largeText && mode.highContrast && photo)
          await p.screenshot({
            path: join(SHOTS, `kiosk-home-large-contrast-${lang}-${size.width}x${size.height}.png`),
          });
      },
      MODES,
    );
    expect(misfits).toEqual([]);
    await setToggle(p, 'lang-pl', true);
    await setToggle(p, 'large-text', false);
    await setToggle(p, 'high-contrast', false);
  });
});

/** The tiles' (`booking-day-`, `booking-hour-`) smallest text and side, and how many there are. */
function tileSizes(
  p: Page,
  prefix: string,
): Promise<{ count: number; minFontPx: number; minSidePx: number }> {
  return p.evaluate((prefix) => {
    const d = (globalThis as any).document;
    const w = globalThis as any;
    const tiles = [...d.querySelectorAll(`[data-testid^=${prefix}]`)];
    const fonts = tiles.flatMap((t: any) =>
      [...t.querySelectorAll('span')].map((s: any) => parseFloat(w.getComputedStyle(s).fontSize)),
    );
    const sides = tiles.flatMap((t: any) => {
      const r = t.getBoundingClientRect();
      return [r.width, r.height];
    });
    return { count: tiles.length, minFontPx: Math.min(...fonts), minSidePx: Math.min(...sides) };
  }, prefix);
}

/** The test ids of the tiles (`booking-day-`, `booking-hour-`) on the page shown. */
function tileIds(p: Page, prefix: string): Promise<string[]> {
  return p.evaluate(
    (prefix) =>
      [...(globalThis as any).document.querySelectorAll(`[data-testid^=${prefix}]`)].map((e: any) =>
        String(e.getAttribute('data-testid')),
      ),
    prefix,
  );
}

describe("the booking screen's day tiles on every panel", () => {
  it('are readable, easy to hit and fit in every language, in large text too', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    const misfits = await onEveryPanel(p, async ({ size, lang, mode, where }, misfit) => {
      await tapThrough(p, 'go-book', 'booking-service-emerytury');
      await p.locator('[data-testid^=booking-day-]').first().waitFor();
      const tiles = await tileSizes(p, 'booking-day-');
      // A month of weekdays with free places, twelve to a page where twelve fit (portrait in
      // large text too), never fewer than two.
      if (size.name === 'portrait') expect(tiles.count, where).toBe(12);
      expect(tiles.count, where).toBeLessThanOrEqual(12);
      expect(tiles.count, where).toBeGreaterThanOrEqual(2);
      // A pensioner reads every line at arm's length and hits a tile with a finger.
      if (tiles.minFontPx < 24) misfit(`${where}: text ${tiles.minFontPx} px`);
      if (tiles.minSidePx < 48) misfit(`${where}: tile side ${tiles.minSidePx} px`);
      const f = await fit(p);
      if (f.brokenWords.length) misfit(`${where}: split ${f.brokenWords.join(', ')}`);
      if (f.wideTiles.length) misfit(`${where}: too wide ${f.wideTiles.join(', ')}`);
      const sideways = await p.evaluate(() => {
        const d = (globalThis as any).document;
        return d.documentElement.scrollWidth > d.documentElement.clientWidth;
      });
      if (sideways) misfit(`${where}: scrolls sideways`);
      // A page of days, its "Later days" and "Back" are on the panel, in large text too.
      if (f.overflowY > 0) misfit(`${where}: scrolls ${f.overflowY} px`);
      if (f.below.length) misfit(`${where}: below the edge ${f.below.join(', ')}`);
      if (SHOTS && lang === 'pl')
        await p.screenshot({
          path: join(
            SHOTS,
            `kiosk-booking-days${mode.largeText ? '-large' : ''}-${size.width}x${size.height}.png`,
          ),
          fullPage: true,
        });
      // The month is all there, page by page: its weekdays, never a Saturday or Sunday; every
      // page fits.
      const days = new Set(await tileIds(p, 'booking-day-'));
      for (let page = 2; await p.getByTestId('booking-days-later').count(); page++) {
        await p.getByTestId('booking-days-later').click();
        const pageLine = new RegExp(`^\\D*${page}\\D`);
        await p.getByTestId('booking-days-page').filter({ hasText: pageLine }).waitFor();
        for (const d of await tileIds(p, 'booking-day-')) days.add(d);
        const f = await fit(p);
        if (f.overflowY > 0) misfit(`${where} page ${page}: scrolls ${f.overflowY} px`);
        if (f.below.length) misfit(`${where} page ${page}: below ${f.below.join(', ')}`);
      }
      expect(days.size, where).toBeGreaterThanOrEqual(15);
      const weekend = [...days].filter((id) => {
        const weekday = new Date(`${id.replace('booking-day-', '')}T12:00:00Z`).getUTCDay();
        return weekday === 0 || weekday === 6;
      });
      expect(weekend, where).toEqual([]);
      await p.locator('[data-keypad-back]').click();
      await p.getByTestId('booking-service-emerytury').waitFor();
      await p.locator('[data-keypad-back]').click();
      await p.getByTestId('home').waitFor();
    });
    expect(misfits).toEqual([]);
  });
});

describe("the booking screen's hour tiles on every panel", () => {
  it('fit page by page in every language, in large text too: no scrolling, all hours reachable', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    const misfits = await onEveryPanel(p, async ({ size, lang, mode, where: panel }, misfit) => {
      await tapThrough(p, 'go-book', 'booking-service-emerytury');
      // The second day: a whole day of hours even when today's are running out.
      await p.locator('[data-testid^=booking-day-]').nth(1).click();
      await p.locator('[data-testid^=booking-hour-]').first().waitFor();
      const hours: string[] = [];
      for (let page = 1; ; page++) {
        // "Strona 2 z 4": the page's first number.
        const pageLine = new RegExp(`^\\D*${page}\\D`);
        await p.getByTestId('booking-hours-page').filter({ hasText: pageLine }).waitFor();
        const where = `${panel} page ${page}`;
        const tiles = await tileSizes(p, 'booking-hour-');
        expect(tiles.count, where).toBeLessThanOrEqual(8);
        // The page's hours, its "Earlier" and "Later times" and "Back" are on the panel.
        misfit(...(await tileMisfits(p, where, 'booking-hour-')));
        if (SHOTS && lang === 'pl' && mode.largeText && size.name === 'portrait' && page === 1)
          await p.screenshot({
            path: join(SHOTS, 'kiosk-booking-hours-large-1080x1920.png'),
            fullPage: true,
          });
        hours.push(...(await tileIds(p, 'booking-hour-')));
        if (!(await p.getByTestId('booking-hours-later').count())) break;
        await p.getByTestId('booking-hours-later').click();
      }
      // Every hour of the day, once, in order: 08:00, 08:15, … 15:45.
      const times = hours.map((id) => id.replace('booking-hour-', ''));
      expect(times.length, `${size.name} ${lang}`).toBe(HOURS_A_DAY);
      expect(times[0]).toBe('08:00');
      expect(times.at(-1)).toBe('15:45');
      expect([...times].sort()).toEqual(times);
      expect(new Set(times).size).toBe(times.length);
      for (let i = 0; i < 3; i++) await p.locator('[data-keypad-back]').click();
      await p.getByTestId('home').waitFor();
    });
    expect(misfits).toEqual([]);
  });
});

describe("the booking screen's hours under a refusal", () => {
  // The refusal stands above the hours: on 1280×1024 in large text it pushed the page line and
  // "Back" 30–175 px below the edge. 08:30, on a full first page, refused by the gap rule (this
  // person's visit at 09:00 starts 15 minutes after 08:30's ends) and by the daily limit (three
  // visits that day already, in the afternoon).
  it('fit every panel, language and text size, the refused hour shown', async () => {
    const p = rig.page;
    await p.setViewportSize({ width: 1280, height: 1024 });
    await p.getByTestId('home').waitFor();
    await setToggle(p, 'large-text', true);
    await setToggle(p, 'lang-pl', true);
    await tapThrough(p, 'go-book', 'booking-service-emerytury');
    // The second day: its hours untouched by the tests above, all free.
    const dayId = (await p
      .locator('[data-testid^=booking-day-]')
      .nth(1)
      .getAttribute('data-testid'))!;
    const day = dayId.replace('booking-day-', '');
    const manager = await rig.branch.login('kierownik');
    const slots = await rig.branch.api(
      'GET',
      `/api/v1/calendar/slots?serviceId=emerytury&from=${day}&to=${day}`,
      manager,
    );
    const start = (time: string) =>
      (slots.body.slots as { time: string; start: string }[]).find((s) => s.time === time)!.start;
    const kiosk = await rig.branch.device('kiosk');
    const visit = async (time: string, pesel: string) => {
      const r = await rig.branch.api('POST', '/api/v1/calendar/visits', kiosk, {
        serviceId: 'emerytury',
        start: start(time),
        pesel,
      });
      expect(r.status, `${time} ${r.status} ${JSON.stringify(r.body)}`).toBe(201);
    };
    const gapPesel = withCheckDigit('7203150123');
    const limitPesel = withCheckDigit('6805120456');
    await visit('09:00', gapPesel);
    for (const time of ['13:00', '14:00', '15:00']) await visit(time, limitPesel);
    for (let i = 0; i < 2; i++) await p.locator('[data-keypad-back]').click();
    await p.getByTestId('home').waitFor();
    const misfits: string[] = [];
    for (const [reason, pesel] of [
      ['gap', gapPesel],
      ['daily-limit', limitPesel],
    ] as const) {
      await tapThrough(p, 'go-book', 'booking-service-emerytury');
      await p.getByTestId(dayId).click();
      await p.locator('[data-testid^=booking-hour-]').first().waitFor();
      while (!(await p.getByTestId('booking-hour-08:30').count()))
        await p.getByTestId('booking-hours-later').click();
      await p.getByTestId('booking-hour-08:30').click();
      await p.getByTestId('booking-pesel').fill(pesel);
      await p.getByTestId('booking-phone').fill('600100200');
      await p.getByTestId('booking-submit').click();
      const alert = p.locator('.error[data-reason]');
      await expect.poll(() => alert.getAttribute('data-reason')).toBe(reason);
      await p.getByTestId('booking-hour-08:30').waitFor();
      const refused = await onEveryPanel(
        p,
        async ({ size, lang, mode, where: panel }, misfit) => {
          await settled(p);
          const where = `${reason} ${panel}`;
          // Still on the page of the refused hour, whatever fits the panel now.
          await p.getByTestId('booking-hour-08:30').waitFor();
          const tiles = await tileSizes(p, 'booking-hour-');
          expect(tiles.count, where).toBeGreaterThanOrEqual(2);
          misfit(...(await tileMisfits(p, where, 'booking-hour-')));
          if (SHOTS && lang === 'pl' && mode.largeText && size.name === '1280x1024')
            await p.screenshot({
              path: join(SHOTS, `kiosk-booking-refused-${reason}-large-1280x1024.png`),
            });
        },
        [...TEXT_SIZES].reverse(),
      );
      misfits.push(...refused);
      await p.setViewportSize({ width: 1280, height: 1024 });
      await setToggle(p, 'large-text', true);
      await setToggle(p, 'lang-pl', true);
      for (let i = 0; i < 3; i++) await p.locator('[data-keypad-back]').click();
      await p.getByTestId('home').waitFor();
    }
    expect(misfits).toEqual([]);
  });
});

/** A PESEL of its first ten digits. */
function withCheckDigit(first10: string): string {
  return first10 + String(peselCheckDigit(first10));
}
