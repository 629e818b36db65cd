import { DEFAULT_SIGN_PIN } from '@skr/hardware-mocks/id-card/index';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@skr/pue-emulator';
import { pl } from '../src/i18n/pl';
import { CARD_PIN, sharedKioskRig, tinyPdf } from './kiosk-rig';
import { insertCard, lastCode } from './self-service-steps';
import {
  enterScreen,
  focused,
  focusKept,
  hears,
  mark,
  moveTo,
  spokenLog,
} from './speech-keypad-steps';

// A blind client in the urzędomat with the kiosk keypad alone, in speech mode: sign-in by ID
// card and PIN, account data with the OFE table read aloud, an archive order through the year
// pickers, the pension calculator, a document drop-off; then sign-in by password and code with
// Tab/Enter only. Every screen's title and every result is heard (real WAVs from the kiosk
// host's espeak-ng), the focus is never lost to the page body and is always visible, and
// neither the PIN nor the password is ever spoken.

const rig = sharedKioskRig(
  { pue: true, card: true, idleSeconds: 600, ticketIdleSeconds: 600 },
  (r) => {
    r.addUsbFile('wniosek-emerytura.pdf', tinyPdf(2));
  },
);

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase that is exactly the catalogue text (a screen title, a label). */
const exactly = (s: string) => new RegExp(`^${esc(s)}$`);
const allSpoken = async () => (await spokenLog(rig.page)).map((s) => s.text).join('\n');

describe('urzędomat with the keypad alone in speech mode', () => {
  it('card + PIN, data with OFE, archive order, pension calculator and drop-off', async () => {
    const p = rig.page;
    await insertCard(rig);
    await p.getByTestId('home').waitFor();
    await p.keyboard.press('F2');
    await hears(p, exactly(pl.app.speechOn));
    await enterScreen(p, 'go-self-service', 'pue-login', exactly(pl.pue.title), '8');
    await focusKept(p);

    // The PIN: digits typed on the keypad into the field, Enter signs in. A wrong one first.
    await moveTo(p, 'pin');
    await hears(p, exactly(pl.pue.pin));
    let m = await mark(p);
    await p.keyboard.type('0000');
    await hears(p, /^PIN do dowodu: wpisane znaki: 4$|^wpisane znaki: 4$/, m);
    await p.keyboard.press('Enter');
    await hears(p, /^Zły PIN\. Pozostałe próby: 2\.$/, m);
    expect(await focused(p)).toBe('pin');
    await focusKept(p);
    await p.keyboard.type(CARD_PIN);
    await p.keyboard.press('Enter');
    await p.getByTestId('pue-account').waitFor({ timeout: 15_000 });
    await hears(p, exactly(pl.pue.account));
    await focusKept(p);
    const heard = await allSpoken();
    expect(heard).not.toContain(CARD_PIN);
    expect(heard).not.toContain([...CARD_PIN].join(' '));

    // Account and role with the arrows and 5.
    await moveTo(p, 'account-individual');
    await p.keyboard.press('5');
    await hears(p, exactly(pl.pue.role));
    await focusKept(p);
    await enterScreen(p, 'role-insured', 'pue-menu', exactly(pl.pue.menu));

    // Data: the OFE table takes the focus and is read, caption first, row by row.
    await enterScreen(p, 'menu-data', 'ofe', exactly(pl.data.title));
    await moveTo(p, 'ofe', '6');
    await hears(p, new RegExp(`^${esc(pl.data.ofe)}\\. ${pl.data.month}, ${pl.data.amount}\\.`));
    await focusKept(p);
    m = await mark(p);
    await p.keyboard.press('0'); // Back: the screen's own back, to the menu
    await p.getByTestId('pue-menu').waitFor();
    await hears(p, exactly(pl.pue.menu), m);
    await focusKept(p);

    // Archive: the year picker changes with the arrows, 6 leaves it, Enter orders.
    await moveTo(p, 'menu-archive');
    await p.keyboard.press('Enter');
    await hears(p, exactly(pl.archive.title));
    await moveTo(p, 'from-year', '6');
    const from = Number(await p.getByTestId('from-year').inputValue());
    m = await mark(p);
    await p.keyboard.press('ArrowDown');
    expect(Number(await p.getByTestId('from-year').inputValue())).toBe(from + 1);
    await hears(p, exactly(String(from + 1)), m);
    await moveTo(p, 'order-archive', '6');
    const to = await p.getByTestId('to-year').inputValue();
    await p.keyboard.press('Enter');
    await hears(p, new RegExp(`^${from + 1}–${to}: ${pl.archive.ordered}$`));
    await focusKept(p);
    await p.keyboard.press('Escape');
    await p.getByTestId('pue-menu').waitFor();

    // Pension: typed ages and wage replace what the fields held; the result is reached and read.
    await enterScreen(p, 'menu-pension', 'pension-result', exactly(pl.pension.title));
    await moveTo(p, 'pension-age', '6');
    await p.keyboard.type('60');
    expect(await p.getByTestId('pension-age').inputValue()).toBe('60');
    // In a field the digits type; the up/down arrows leave it. On the retirement-age picker the
    // arrows would change the age, so 6 moves on.
    await p.keyboard.press('ArrowDown');
    expect(await focused(p)).toBe('pension-retire');
    await p.keyboard.press('6');
    expect(await focused(p)).toBe('pension-wage');
    await p.keyboard.type('5000');
    expect(await p.getByTestId('pension-wage').inputValue()).toBe('5000');
    m = await mark(p);
    await p.keyboard.press('ArrowDown'); // out of the field, to the first figure of the result
    await hears(p, new RegExp(`^${esc(pl.pension.monthly)} [0-9  ]+,\\d\\d zł$`), m);
    await focusKept(p);
    await p.keyboard.press('0');
    await p.getByTestId('pue-menu').waitFor();

    // Drop-off: form, file, confirm, submit; the receipt's status is heard.
    await moveTo(p, 'menu-docs');
    await p.keyboard.press('Enter');
    await hears(p, exactly(pl.docs.form));
    await moveTo(p, 'form-*', '6');
    await p.keyboard.press('Enter');
    await hears(p, exactly(pl.docs.file));
    await focusKept(p);
    await moveTo(p, 'file-wniosek-emerytura.pdf', '6');
    await p.keyboard.press('5');
    await hears(p, exactly(pl.docs.confirm));
    await focusKept(p);
    // After a card login the document is signed: the signature PIN on the keypad digits, Enter
    // signs and sends; the PIN is counted, never said.
    await enterScreen(p, 'doc-sign', 'doc-sign-pin', exactly(pl.docs.signTitle), '6');
    await focusKept(p);
    await moveTo(p, 'sign-pin');
    await p.keyboard.type(DEFAULT_SIGN_PIN);
    await p.keyboard.press('Enter');
    await p.getByTestId('doc-done').waitFor({ timeout: 20_000 });
    await hears(p, exactly(pl.docs.done));
    await hears(p, /^Dokument doręczony do ZUS\. Numer UPP: /);
    expect(await allSpoken()).not.toContain(DEFAULT_SIGN_PIN);
    await focusKept(p);

    // Help anywhere, then the card leaves: the session ends and the kiosk starts fresh.
    m = await mark(p);
    await p.keyboard.press('*');
    await hears(p, /^Strzałki lub 2, 4, 6, 8/, m);
    await rig.card!.remove();
    await p.getByTestId('home').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('speech').getAttribute('aria-pressed')).toBe('false');
  }, 240_000);

  it('password + code with Tab and Enter only, data read, sign-out; the password is never spoken', async () => {
    const p = rig.page;
    const anna = DEMO_LOGINS[0]!;
    await p.getByTestId('home').waitFor();
    const m0 = await mark(p);
    await p.keyboard.press('F2');
    await hears(p, exactly(pl.app.speechOn), m0);
    await moveTo(p, 'go-self-service', 'Tab');
    await p.keyboard.press('Enter');
    await hears(p, exactly(pl.pue.title), m0);
    await moveTo(p, 'mode-password', 'Tab');
    await p.keyboard.press('Enter');
    await hears(p, exactly(`${pl.pue.byPassword}, ${pl.app.selected}`), m0);
    await moveTo(p, 'login', 'Tab');
    await p.keyboard.type(anna.login);
    await p.keyboard.press('Tab');
    expect(await focused(p)).toBe('password');
    await p.keyboard.type(DEMO_PASSWORD);
    await hears(p, new RegExp(`wpisane znaki: ${DEMO_PASSWORD.length}$`), m0);
    await p.keyboard.press('Enter');
    await p.getByTestId('code').waitFor();
    await hears(p, /^Kod weryfikacyjny wysłaliśmy na /, m0);
    await focusKept(p);
    await moveTo(p, 'code', 'Tab');
    await p.keyboard.type(lastCode(rig));
    await p.keyboard.press('Enter');
    await p.getByTestId('pue-account').waitFor({ timeout: 15_000 });
    await hears(p, exactly(pl.pue.account), m0);
    await focusKept(p);
    await moveTo(p, 'account-individual', 'Tab');
    await p.keyboard.press('Enter');
    await moveTo(p, 'role-insured', 'Tab');
    await p.keyboard.press('Enter');
    await p.getByTestId('pue-menu').waitFor();
    await moveTo(p, 'menu-data', 'Tab');
    await p.keyboard.press('Enter');
    await p.getByTestId('bases').waitFor();
    await moveTo(p, 'bases', 'Tab');
    await hears(p, new RegExp(`^${esc(pl.data.bases)}\\.`), m0);
    await focusKept(p);
    const heard = await allSpoken();
    expect(heard).not.toContain(DEMO_PASSWORD);
    await moveTo(p, 'logout', 'Shift+Tab');
    await p.keyboard.press('Enter');
    await p.getByTestId('home').waitFor({ timeout: 10_000 });
  }, 180_000);
});
