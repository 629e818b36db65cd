import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '@skr/pue-emulator';
import { axeViolations } from './a11y-checkers';
import { sharedKioskRig, tinyPdf } from './kiosk-rig';
import { endAtHome, expectQueuedReceipt, insertCard, tapThrough } from './self-service-steps';
import { hears, moveTo } from './speech-keypad-steps';

// Drop-off without login, after hours, and the UPP looked up by the receipt's QR (issue 16), in
// Chromium against the real branch (outbox), the portal stand-in, pcscd + the virtual ID card
// and the printer emulator, whose printed text and QR codes the test reads back.

const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const rig = sharedKioskRig(
  {
    pue: true,
    card: true,
    idleSeconds: 600,
    ticketIdleSeconds: 600,
    viewport: { width: 1080, height: 1920 },
  },
  (r) => r.addUsbFile('zus-z3.pdf', tinyPdf(3)),
);
const shot = (p: Page, name: string) =>
  p.screenshot(SHOTS ? { path: join(SHOTS, `kiosk-${name}.png`) } : {});
async function passesAxe(p: Page, name: string): Promise<void> {
  expect(await axeViolations(p), name).toEqual([]);
  await shot(p, name);
}

/** Home → form → file: the submitter step of a drop-off without login. */
async function toSubmitter(p: Page): Promise<void> {
  await p.getByTestId('go-anon-dropoff').click();
  await p.locator('[data-testid^=anon-form-]').first().click();
  await p.getByTestId('anon-file-zus-z3.pdf').click();
  await p.getByTestId('anon-who').waitFor();
}

/** "Scans" the slip's QR: the scanner types what it holds and Enter into the focused field. */
async function scanQr(p: Page, qr: string): Promise<void> {
  await p.getByTestId('upp-receipt-no').focus();
  await p.keyboard.type(qr);
  await p.keyboard.press('Enter');
}

describe('drop-off without login and the UPP lookup', () => {
  it('portal up: typed name and PESEL, branch receipt with number and QR; the QR at the lookup prints the UPP', async () => {
    const p = rig.page;
    const anna = DEMO_LOGINS[0]!;
    await p.getByTestId('home').waitFor();
    await toSubmitter(p);
    await passesAxe(p, 'anon-who');
    // PESEL is optional but checked in full: a wrong check digit is named, nothing is sent.
    await p.getByTestId('anon-name').fill('Jan Nowak');
    await p
      .getByTestId('anon-pesel')
      .fill(anna.pesel.slice(0, 10) + ((Number(anna.pesel[10]) + 1) % 10));
    await p.getByTestId('anon-who-next').click();
    await p.getByTestId('anon-pesel-error').waitFor();
    await passesAxe(p, 'anon-who-error');
    await p.getByTestId('anon-pesel').fill(anna.pesel);
    await p.getByTestId('anon-who-next').click();
    await p.getByTestId('anon-confirm').waitFor();
    expect(await p.getByTestId('anon-summary').textContent()).toContain('Jan Nowak');
    await passesAxe(p, 'anon-confirm');
    const slip = rig.printer.nextTicket(15_000);
    await p.getByTestId('anon-submit').click();
    await p.getByTestId('anon-done').waitFor({ timeout: 15_000 });
    const printed = await slip;
    const text = printed.lines.join('\n');
    const no = /Nr potwierdzenia: (D-\d{4}-\d{6})/.exec(text)?.[1];
    expect(no).toBeDefined();
    expect(printed.qr).toHaveLength(1);
    expect(printed.qr[0]).toMatch(new RegExp(`^${no}/[A-Z2-9]{6}$`));
    expect(await p.getByTestId('anon-receipt-no').textContent()).toContain(no);
    await passesAxe(p, 'anon-done');
    // The portal has it once, with the submitter as given.
    await expect.poll(() => rig.pue!.documents().count, { timeout: 20_000 }).toBe(1);
    const doc = rig.pue!.documents().items[0]!;
    expect(doc.submitterName).toBe('Jan Nowak');
    expect(doc.submitterPesel).toBe(anna.pesel);
    // Later: the QR at "Sprawdź potwierdzenie (UPP)" prints the real UPP.
    await p.getByTestId('anon-go-lookup').click();
    await p.getByTestId('upp-lookup').waitFor();
    await passesAxe(p, 'upp-lookup');
    const upp = rig.printer.nextTicket(15_000);
    await scanQr(p, printed.qr[0]!);
    await p.getByTestId('upp-result').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('upp-status').getAttribute('data-status')).toBe('delivered');
    const uppText = (await upp).lines.join('\n');
    expect(uppText).toContain('Urzędowe poświadczenie przedłożenia');
    expect(uppText).toContain(`Nr UPP: ${doc.upp.uppId}`);
    expect(uppText).toContain(`Nr potwierdzenia: ${no}`);
    expect(await p.getByTestId('upp-status').textContent()).toContain(doc.upp.uppId);
    await passesAxe(p, 'upp-printed');
    // A wrong code reveals nothing: the same answer as an unknown number.
    await p.getByTestId('upp-again').click();
    await scanQr(p, `${no}/AAAAAA`);
    await p.locator('[data-code=NOT_FOUND]').waitFor({ timeout: 10_000 });
    await passesAxe(p, 'upp-not-found');
    await endAtHome(p, p.getByText('Wstecz'));
  }, 120_000);

  it('portal down: the ID card fills the submitter, a branch receipt (not a UPP); delivered once after the portal returns, then the lookup prints the UPP', async () => {
    const p = rig.page;
    const anna = DEMO_LOGINS[0]!;
    const before = rig.pue!.documents().count;
    await insertCard(rig);
    await toSubmitter(p);
    await p.getByTestId('anon-card').click();
    await p.getByTestId('anon-card-holder').waitFor({ timeout: 15_000 });
    const holder = (await p.getByTestId('anon-card-holder').textContent()) ?? '';
    expect(holder).toContain('Anna Kowalska');
    // The page sees the PESEL masked only.
    expect(holder).not.toContain(anna.pesel);
    await passesAxe(p, 'anon-card');
    await p.getByTestId('anon-card-next').click();
    rig.pue!.faults.set({ down: true });
    const slip = rig.printer.nextTicket(15_000);
    await p.getByTestId('anon-submit').click();
    await p.getByTestId('anon-done').waitFor({ timeout: 15_000 });
    const printed = await slip;
    await expectQueuedReceipt(p, 'anon-status', slip);
    await shot(p, 'anon-done-queued');
    // Looked up now: honestly no UPP yet, nothing printed.
    await p.getByTestId('anon-go-lookup').click();
    await scanQr(p, printed.qr[0]!);
    await p.getByTestId('upp-result').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('upp-status').getAttribute('data-status')).toBe('queued');
    expect(await p.getByTestId('upp-status').textContent()).toContain('Jeszcze nie ma UPP');
    await passesAxe(p, 'upp-queued');
    expect(rig.pue!.documents().count).toBe(before);
    rig.pue!.faults.clear();
    await rig.card!.remove();
    // The outbox retries with back-off; the portal keeps the document once, with its submitter.
    await expect
      .poll(() => rig.pue!.documents().count, { timeout: 40_000, interval: 250 })
      .toBe(before + 1);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate delivery would land by now
    const docs = rig.pue!.documents().items.slice(before);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.submitterName).toBe('Anna Kowalska');
    expect(docs[0]!.submitterPesel).toBe(anna.pesel);
    // The lookup finds the UPP now and prints it.
    await p.getByTestId('upp-again').click();
    const upp = rig.printer.nextTicket(15_000);
    await scanQr(p, printed.qr[0]!);
    await expect
      .poll(() => p.getByTestId('upp-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('delivered');
    expect((await upp).lines.join('\n')).toContain(`Nr UPP: ${docs[0]!.upp.uppId}`);
    await endAtHome(p, p.getByText('Wstecz'));
  }, 150_000);

  it('several documents in one visit: "Złóż kolejny dokument" keeps who submits', async () => {
    const p = rig.page;
    await toSubmitter(p);
    await p.getByTestId('anon-name').fill('Ewa Zielińska');
    await tapThrough(p, 'anon-who-next', 'anon-submit');
    await p.getByTestId('anon-done').waitFor({ timeout: 15_000 });
    const first = await p.getByTestId('anon-receipt-no').textContent();
    await p.getByTestId('anon-another').click();
    await p.locator('[data-testid^=anon-form-]').first().click();
    await p.getByTestId('anon-file-zus-z3.pdf').click();
    // Straight to the confirmation: the submitter is kept for the next document.
    await p.getByTestId('anon-confirm').waitFor();
    expect(await p.getByTestId('anon-summary').textContent()).toContain('Ewa Zielińska');
    await p.getByTestId('anon-submit').click();
    await p.getByTestId('anon-done').waitFor({ timeout: 15_000 });
    const second = await p.getByTestId('anon-receipt-no').textContent();
    expect(second).not.toBe(first);
    await endAtHome(p, p.getByTestId('anon-finish'));
  }, 90_000);

  it('speech mode with the keypad alone: each new screen heard, focus kept, the receipt taken', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    await p.keyboard.press('F2');
    await hears(p, /^Witamy w oddziale ZUS$/);
    await moveTo(p, 'go-anon-dropoff', '8');
    await hears(p, /^Złóż dokument \(bez logowania\) Bez konta PUE/);
    await p.keyboard.press('5');
    await p.getByTestId('anon-form').waitFor();
    await hears(p, /^Złóż dokument \(bez logowania\)$/);
    await moveTo(p, 'anon-form-*', '8');
    await p.keyboard.press('5');
    await p.getByTestId('anon-file').waitFor();
    await hears(p, /^Wybierz plik$/);
    await moveTo(p, 'anon-file-zus-z3.pdf', '8');
    await p.keyboard.press('5');
    await p.getByTestId('anon-who').waitFor();
    await hears(p, /^Kto składa dokument\?$/);
    await moveTo(p, 'anon-name');
    await p.keyboard.type('Ewa Nowak');
    await p.keyboard.press('Enter');
    await p.getByTestId('anon-confirm').waitFor();
    await moveTo(p, 'anon-submit', '8');
    const slip = rig.printer.nextTicket(15_000);
    await p.keyboard.press('5');
    await p.getByTestId('anon-done').waitFor({ timeout: 15_000 });
    await hears(p, /^Dokument przyjęty w oddziale$/);
    expect((await slip).lines.join('\n')).toContain('Nr potwierdzenia: D-');
    // The keypad's Back leaves for the home (the end screen has no Back of its own).
    await p.keyboard.press('0');
    await p.getByTestId('home').waitFor();
    await p.keyboard.press('F2');
  }, 90_000);

  it('after hours: the branch closed, the kiosk open — "Oddział jest zamknięty", drop-off and booking, no tickets', async () => {
    const p = rig.page;
    const admin = await rig.branch.login('admin');
    const cfg = (await rig.branch.api('GET', '/api/v1/config', admin)).body;
    // Closed every day: no clock to move, the branch is closed now whatever the time.
    for (const s of cfg.services as { id: string; active: boolean }[]) {
      if (!s.active) continue;
      const put = await rig.branch.api('PUT', `/api/v1/config/services/${s.id}`, admin, {
        ...s,
        openingHours: { days: [], from: '08:00', to: '16:00' },
      });
      expect(put.status).toBe(200);
    }
    await p.reload();
    await p.getByTestId('branch-closed').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('branch-closed').textContent()).toContain(
      'Oddział jest zamknięty — możesz złożyć dokument',
    );
    expect(await p.getByTestId('go-ticket').count()).toBe(0);
    expect(await p.getByTestId('go-check-in').count()).toBe(0);
    expect(await p.getByTestId('go-anon-dropoff').isVisible()).toBe(true);
    expect(await p.getByTestId('go-upp-lookup').isVisible()).toBe(true);
    expect(await p.getByTestId('go-book').isVisible()).toBe(true);
    await passesAxe(p, 'home-after-hours');
    // The drop-off works after hours like in the day.
    await p.getByTestId('go-anon-dropoff').click();
    await p.getByTestId('anon-form').waitFor();
    await passesAxe(p, 'anon-form');
    await p.locator('[data-testid^=anon-form-]').first().click();
    await p.getByTestId('anon-file').waitFor();
    await passesAxe(p, 'anon-file');
  }, 60_000);
});
