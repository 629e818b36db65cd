// Renders the waiting-room screen at 1920×1080 and 1080×1920 with a realistic morning queue
// and writes docs/screenshots/display-{landscape,portrait}.png, the clerk desk at the same sizes
// (desk-{landscape,portrait}.png) and the follow page on a phone.
// Run after `npm run build -w @skr/display-board`:  npx tsx display-board/scripts/screenshots.ts
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch } from '../../branch-server/test/harness';
import { chooseCounter, signIn } from '../../clerk-desk/test/desk-page';
import { act, callNext, issue, openCounter, openScreen } from '../test/helpers';
import { demoServiceIds } from '../../branch-server/src/seed/demo-branch';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

async function main(outDir = OUT): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const [browser, b] = await Promise.all([launchBrowser(), startTestBranch()]);
  try {
    const kiosk = await b.device('kiosk');
    const mix = demoServiceIds;
    let follow = '';
    for (let i = 0; i < 46; i++) {
      const t = await issue(b, kiosk, mix[(i * 5) % 7 === 0 ? 0 : i % mix.length]!);
      if (i === 40) follow = t.followUrl;
    }
    // Nine counters call in turn; most start serving, the last call is a recall.
    const clerks = new Map<number, string>();
    for (const n of [1, 2, 4, 6, 8, 9, 10, 11, 12]) clerks.set(n, await openCounter(b, n));
    let last: { id: string } | undefined;
    for (const [n, clerk] of clerks) {
      last = await callNext(b, clerk, n);
      if (n !== 12) await act(b, clerk, last.id, 'start');
    }
    const c1 = clerks.get(1)!;
    last = await callNext(b, c1, 1);
    await act(b, c1, last.id, 'recall');
    for (const [name, viewport] of [
      ['landscape', { width: 1920, height: 1080 }],
      ['portrait', { width: 1080, height: 1920 }],
    ] as const) {
      const s = await openScreen(browser, b.url, await b.device('display', name), viewport);
      await s.page.locator('[data-testid=waiting-lines] tbody tr').first().waitFor();
      await s.page.screenshot({ path: `${outDir}display-${name}.png` });
      await s.context.close();
    }
    // The clerk desk at the same two sizes (its own target is 1366×768, see clerk-desk).
    for (const [name, viewport] of [
      ['landscape', { width: 1920, height: 1080 }],
      ['portrait', { width: 1080, height: 1920 }],
    ] as const) {
      const ctx = await browser.newContext({
        viewport,
        locale: 'pl-PL',
        timezoneId: 'Europe/Warsaw',
      });
      const desk = await ctx.newPage();
      await desk.goto(b.url + '/desk/');
      await signIn(desk, name === 'landscape' ? 'urzednik3' : 'urzednik5');
      await chooseCounter(desk, name === 'landscape' ? 'Stanowisko 3' : 'Stanowisko 5');
      await desk.getByTestId('do-call-next').click();
      await desk.getByText(/Wezwano/).waitFor();
      await desk.screenshot({ path: `${outDir}desk-${name}.png` });
      await ctx.close();
    }
    const phone = await browser.newContext({
      viewport: { width: 390, height: 780 },
      locale: 'pl-PL',
    });
    const page = await phone.newPage();
    await page.goto(b.url + follow);
    await page.getByTestId('follow-number').waitFor();
    await page.screenshot({ path: `${outDir}display-follow-phone.png` });
    await phone.close();
  } finally {
    await browser.close();
    await b.close();
  }
  console.log(`screenshots written to ${outDir}`);
}

await main(process.argv[2]);
