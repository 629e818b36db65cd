import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedBus, serialLedTransport, type LedBus } from '@skr/led-board-driver';
import { startLedBoardEmulator, type LedBoardEmulator } from '@skr/hardware-mocks/led-board/index';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createAnnouncer,
  pickEngine,
  type Announcer,
  type SpeechEngine,
} from '../../branch-server/src/announcer';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, until, type TestBranch } from '../../branch-server/test/harness';
import { chooseCounter, issue, openDesk, signIn } from '../../clerk-desk/test/desk-page';
import { openScreen, waitLatest, type ScreenPage } from './helpers';

// Issue 12: a counter configured as "Okienko T9" got id 13 here (21 in the report) and the voice,
// the LED boards and the screen each named a different counter. Now every medium shows the
// public number, and later its label, read back from what each medium really received: the
// text the speech engine was asked to say, the SHOW_TEXT frames on the emulated RS-485 bus, the
// screen's DOM in Chromium and the desk's header.
const HALL = 200;
// Each attempt gets its own boards, bus, speech cache, branch and screen (only Chromium is
// shared): a retry meets the demo's counters again, blank boards and nothing spoken yet.
let emu: LedBoardEmulator | undefined;
let bus: LedBus | undefined;
let b: TestBranch;
let browser: Browser;
let screen: ScreenPage | undefined;
let announcer: Announcer | undefined;
let cacheDir: string | undefined;
/** What this attempt's engine was asked to say. */
let spoken: string[] = [];

/** The real engine, noting in `said` each text it is asked to say (a new cache: all are new). */
function recording(engine: SpeechEngine, said: string[]): SpeechEngine {
  return {
    id: engine.id,
    langs: engine.langs,
    available: () => engine.available(),
    synthesize: (text, lang) => {
      said.push(text);
      return engine.synthesize(text, lang);
    },
  };
}

/** The first line of the last SHOW_TEXT frame a board received, decoded from its bytes. */
function lastShown(address: number): string {
  const frames = emu!.boards.get(address)!.frames.filter((f) => f.command === 'SHOW_TEXT');
  const payload = frames.at(-1)?.payload ?? new Uint8Array();
  // Byte 0 is the flags (blink); the text is CP1250, ASCII here, lines split by LF.
  return Buffer.from(payload.subarray(1)).toString('latin1').split('\n')[0]!;
}

/** What the screen shows for the latest call's counter: its big sign and its spoken label. */
async function screenCounter(page: Page): Promise<{ sign: string; label: string | null }> {
  const el = page.getByTestId('latest-counter');
  return {
    sign: await el.locator('.counter-no').innerText(),
    label: await el.getAttribute('aria-label'),
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
}, 90_000);
beforeEach(async () => {
  spoken = [];
  cacheDir = mkdtempSync(join(tmpdir(), 'skr-identity-audio-'));
  emu = await startLedBoardEmulator({ addresses: [9, 13, HALL] });
  bus = createLedBus({
    transport: serialLedTransport({ path: emu.devicePath, baudRate: 9600 }),
    probeIntervalMs: 500,
  });
  announcer = createAnnouncer({
    engine: recording(await pickEngine(), spoken),
    cacheDir,
    langs: ['pl'],
  });
  b = await startTestBranch({ announcer, led: { bus, layout: { hallAddress: HALL } } });
  screen = await openScreen(browser, b.url, await b.device('display', 'Sala'));
}, 90_000);
afterEach(async () => {
  await screen?.context.close();
  await b?.close();
  await announcer?.close();
  await bus?.close();
  await emu?.close();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  [screen, announcer, bus, emu, cacheDir] = [undefined, undefined, undefined, undefined, undefined];
});
afterAll(async () => {
  await browser?.close();
});

describe('one counter identity across voice, LED boards, screen and desk', () => {
  it('"Okienko T9" is counter 9 everywhere, then "T9" once labelled', async ({
    onTestFinished,
  }) => {
    const { page } = screen!;
    const boards = emu!.boards;
    const admin = await b.login('admin');
    const skills = { emerytury: 1 };
    // The demo's "Stanowisko 9" holds number 9: a second 9 is refused, in Polish.
    const clash = await b.api('POST', '/api/v1/config/counters', admin, {
      name: 'Okienko T9',
      number: 9,
      skills,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toBe(
      'Numer 9 ma już stanowisko „Stanowisko 9”. Wybierz inny numer stanowiska.',
    );
    const moved = await b.api('PUT', '/api/v1/config/counters/9', admin, {
      name: 'Stanowisko 9',
      number: 19,
      skills: { 'pue-profil': 3, ogolne: 1 },
    });
    expect(moved.status).toBe(200);
    const created = await b.api('POST', '/api/v1/config/counters', admin, {
      name: 'Okienko T9',
      skills,
    });
    expect(created.status).toBe(201);
    const counter = created.body.counter;
    expect(counter).toMatchObject({ id: 13, number: 9, label: null });

    const desk = await openDesk(browser, b.url);
    onTestFinished(() => desk.context().close());
    desk.setDefaultTimeout(10_000);
    await signIn(desk, 'urzednik1');
    await chooseCounter(desk, 'Okienko T9');
    expect(await desk.getByTestId('counter-sign').innerText()).toBe('nr 9');

    const t = await issue(b, { serviceId: 'emerytury' });
    await desk.getByTestId('do-call-next').click();
    await waitLatest(page, t.number);
    expect(await screenCounter(page)).toEqual({ sign: '9', label: 'Stanowisko 9' });
    await until(() => lastShown(HALL) === `${t.number} - 9` && lastShown(9) === t.number, 10_000);
    // The internal id's board never heard of it.
    expect(boards.get(13)!.frames).toHaveLength(0);
    await until(() => spoken.includes('zaprasza stanowisko dziewiąte.'), 20_000);
    // The screen played the call's audio (named by the internal id, spoken by the number).
    await page
      .locator('[data-testid=audio-state][data-played="1"]')
      .waitFor({ state: 'attached', timeout: 20_000 });

    // The manager gives it the label T9: a recall now says and shows T9 in every medium.
    const labelled = await b.api('PUT', `/api/v1/config/counters/${counter.id}`, admin, {
      name: 'Okienko T9',
      label: 'T9',
      skills,
    });
    expect(labelled.body.counter).toMatchObject({ number: 9, label: 'T9' });
    await desk.locator('[data-testid=counter-sign]', { hasText: 'nr T9' }).waitFor();
    await desk.getByTestId('do-recall').click();
    await page.locator('[data-testid=latest-counter] .counter-no', { hasText: 'T9' }).waitFor();
    expect(await screenCounter(page)).toEqual({ sign: 'T9', label: 'Stanowisko T9' });
    await until(() => lastShown(HALL) === `${t.number} - T9`, 10_000);
    await until(() => spoken.includes('zaprasza stanowisko Te dziewięć.'), 20_000);
    // Nothing ever said the id.
    expect(spoken.some((s) => /trzynast/.test(s))).toBe(false);
  });
});
