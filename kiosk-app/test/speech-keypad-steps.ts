// What the speech-mode keypad tests do and ask again and again: which phrases started playing
// (the page's speech log), where the focus is, pressing a key until a control has the focus.
// Page callbacks are type-checked without the DOM lib, hence globalThis.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** One phrase the page asked for, and when its audio started. */
export interface Spoken {
  text: string;
  lang: string;
  askedAt: number;
  startedAt?: number;
}

/** Every phrase asked for since the page loaded. */
export const spokenLog = (p: Page): Promise<Spoken[]> =>
  p.evaluate(() => [...((globalThis as any).skrSpeechLog ?? [])] as Spoken[]);

/** Texts whose audio really started playing, in order. */
export const played = async (p: Page): Promise<string[]> =>
  (await spokenLog(p)).filter((s) => s.startedAt !== undefined).map((s) => s.text);

/** The test id of the focused element ('' for the page body or an element without one). */
export const focused = (p: Page): Promise<string> =>
  p.evaluate(() => ((globalThis as any).document.activeElement?.dataset?.testid ?? '') as string);

/** Presses `key` until the control whose test id is (or starts with `prefix*`) `testId` has the focus (bounded). */
export async function moveTo(p: Page, testId: string, key = 'ArrowDown'): Promise<string> {
  const match = (id: string) =>
    testId.endsWith('*') ? id.startsWith(testId.slice(0, -1)) : id === testId;
  for (let i = 0; i < 40; i++) {
    const id = await focused(p);
    if (match(id)) return id;
    await p.keyboard.press(key);
  }
  throw new Error(`keypad never reached ${testId}`);
}

/** Waits until a phrase matching `re`, asked for after the first `since` ones, has started playing. */
export async function hears(p: Page, re: RegExp, since = 0): Promise<void> {
  const started = async () =>
    (await spokenLog(p)).slice(since).filter((s) => s.startedAt !== undefined);
  let last: Spoken[] = [];
  await expect
    .poll(
      async () => {
        last = await spokenLog(p);
        return (await started()).some((s) => re.test(s.text));
      },
      { timeout: 15_000 },
    )
    .toBe(true)
    .catch((e: Error) => {
      // Which phrases were asked and which started: what the client heard instead.
      const heard = last
        .slice(-12)
        .map((s) => `${s.startedAt === undefined ? '  ' : '▶ '}${s.text}`);
      throw new Error(`never heard ${re}; last phrases:\n${heard.join('\n')}`, { cause: e });
    });
}

/**
 * From a control to the screen it opens: moves to `testId` with `key`, presses Enter, waits
 * until the screen `screen` shows and its title (`title`) has started playing.
 */
export async function enterScreen(
  p: Page,
  testId: string,
  screen: string,
  title: RegExp,
  key = 'ArrowDown',
): Promise<void> {
  await moveTo(p, testId, key);
  await p.keyboard.press('Enter');
  await p.getByTestId(screen).waitFor();
  await hears(p, title);
}

/** How many phrases have been asked for so far (a mark for {@link hears}). */
export const mark = async (p: Page): Promise<number> => (await spokenLog(p)).length;

/**
 * The focus is on the page's content, never on <body>, and a focused control shows it: an
 * outline of at least 3 px (headings taking the focus for screen readers need none).
 */
export async function focusKept(p: Page): Promise<void> {
  const f = await p.evaluate(() => {
    const w = globalThis as any;
    const a = w.document.activeElement;
    const s = a ? w.getComputedStyle(a) : null;
    return {
      body: !a || a === w.document.body,
      tag: a?.tagName as string,
      outline: s ? parseFloat(s.outlineWidth) * (s.outlineStyle === 'none' ? 0 : 1) : 0,
    };
  });
  expect(f.body, 'focus fell to the page body').toBe(false);
  if (f.tag !== 'H1') expect(f.outline, `${f.tag} focus outline`).toBeGreaterThanOrEqual(3);
}
