import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planWithTwoVisits, wednesdayPlan } from './calendar-fixture';
import { axe, signInManager } from './desk-page';
import { deskRig } from './desk-rig';

// The manager's issue-14 views in Ukrainian (the calendar day, the plan editor, the no-show
// rate, the walk-in cut-off with its override), in Chromium at 1366×768 against a real branch:
// no text left in Polish (no Polish letters, none of the Polish catalogue's phrases), nothing
// cut off or spilling out of its box, axe clean. Tuesday 2026-12-01 09:00 in Warsaw.
const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const NOW = new Date('2026-12-01T08:00:00Z');
const plan = wednesdayPlan({
  exceptions: [{ kind: 'counter-closed', day: '2026-12-09', counterId: '2', note: 'szkolenie' }],
});

// Data typed by people (a note, branch and counter names) may be Polish; the screen's own words
// may not. The checks read the UI's text minus the form fields' values.
const POLISH_LETTERS = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/;

/** Visible text of `root` that is the UI's own: inputs' values are data, left out. */
async function uiText(root: Locator): Promise<string> {
  return root.evaluate((el) => {
    const parts: string[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === 3) parts.push(n.textContent ?? '');
      if (!(n instanceof HTMLElement)) return;
      const style = getComputedStyle(n);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      if (n.tagName === 'OPTION' && !(n as HTMLOptionElement).selected) return;
      for (const c of n.childNodes) walk(c);
    };
    walk(el);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

/** Elements whose content is wider or taller than their box and clipped or spilling out. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *, [role=tabpanel] *')) {
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.display === 'inline' || el.offsetParent === null) continue;
      // Visually hidden text (captions, button names for screen readers) is 1 px on purpose.
      if (el.closest('.sr-only')) continue;
      // Scroll boxes (tables in a scroller, text areas) overflow on purpose.
      if (/(auto|scroll)/.test(s.overflowX + s.overflowY)) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className}: "${(el.textContent ?? '').slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`,
        );
    }
    return out;
  });
}

describe('manager views in Ukrainian', () => {
  const { branch: b, page } = deskRig({
    branch: { now: () => NOW },
    page: { viewport: { width: 1366, height: 768 }, locale: 'pl-PL' },
  });

  beforeAll(async () => {
    const manager = await b.login('kierownik');
    const admin = await b.login('admin');
    await planWithTwoVisits(b, plan);
    await b.api('POST', '/api/v1/bookings', admin, {
      code: 'MISS0001',
      serviceId: 'emerytury',
      bookedFor: '2026-12-01T07:00:00.000Z',
    });
    // Pensions take no more walk-ins today: the cut-off card lists them with "reopen".
    const pool = await b.api('PUT', '/api/v1/manager/walk-in-cutoffs/emerytury/pool', manager, {
      dailyPool: 0,
    });
    expect(pool.status).toBe(200);
    await page.goto(`${b.url}/desk/manager.html`);
    await signInManager(page, 'kierownik');
    await page.getByLabel('Język').selectOption('uk');
  }, 60_000);

  let polishNames: string[] = [];
  beforeAll(async () => {
    const r = await b.api('GET', '/api/v1/services', await b.login('kierownik'));
    polishNames = (r.body.services as { names: { pl: string; uk: string } }[])
      .filter((x) => x.names.pl !== x.names.uk)
      .map((x) => x.names.pl);
    expect(polishNames).toContain('Emerytury i renty');
  });

  /** Checks the screen now: Ukrainian only, nothing spilling out, axe clean; a screenshot. */
  async function look(name: string) {
    const text = await uiText(page.locator('body'));
    expect(text.split(' ').filter((w) => POLISH_LETTERS.test(w))).toEqual([]);
    expect(polishNames.filter((n) => text.includes(n))).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1366,
    );
    expect(await axe(page)).toEqual([]);
    if (SHOTS)
      await page.screenshot({ path: join(SHOTS, `manager-uk-${name}.png`), fullPage: true });
  }

  it('calendar: the day booked against capacity and the plan editor fit the screen', async () => {
    await page.getByRole('tab', { name: 'Календар' }).click();
    const day = page.getByTestId('calendar-day');
    await day.locator('input[type=date]').fill('2026-12-02');
    await day.getByTestId('slot-10:00').getByTestId('load-emerytury').getByText('2 з 2').waitFor();
    expect(await day.getByRole('columnheader', { name: 'Пенсії' }).count()).toBe(1);
    await page.getByTestId('plan-blocks').getByText('Пенсії').first().waitFor();
    await page.getByRole('button', { name: 'Зберегти план' }).waitFor();
    await look('calendar');
  });

  it('statistics: the no-show rate per day and per service, services named in Ukrainian', async () => {
    await page.getByRole('tab', { name: 'Статистика' }).click();
    await page.getByRole('button', { name: 'Показати' }).click();
    const bySvc = page.getByTestId('no-show-by-service');
    await bySvc
      .getByRole('row', { name: /Пенсії/ })
      .getByRole('cell', { name: '100%' })
      .waitFor();
    await page
      .getByTestId('by-service')
      .getByRole('row', { name: /Пенсії/ })
      .waitFor();
    await look('stats');
  });

  it('monitor: the walk-in cut-off and the override for today', async () => {
    await page.getByRole('tab', { name: 'Монітор' }).click();
    const card = page.getByTestId('cutoff-emerytury');
    await card.getByText('денний ліміт вичерпано').waitFor({ timeout: 15_000 });
    await look('monitor');
    await page.getByTestId('cutoff-toggle-emerytury').click();
    await card.getByText('знову відкрито на сьогодні').waitFor({ timeout: 15_000 });
    await look('monitor-reopened');
  });
});
