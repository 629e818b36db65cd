import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_PIN } from '@skr/hardware-mocks/id-card/index';
import { axeViolations } from './a11y-checkers';
import { CARD_PIN, sharedKioskRig, tinyPdf } from './kiosk-rig';
import { pdfsig } from './pdfsig';
import { insertCard, tapDigits, tapThrough, toSelfService } from './self-service-steps';

// Signing a drop-off with the ID card ("podpis osobisty") in Chromium: card login, the
// drop-off asks for the 6-digit signature PIN, the host signs (PAdES) through pcscd + vpcd,
// the branch queues the signed bytes unchanged, the portal stand-in verifies them before its
// UPP, and poppler's pdfsig accepts what the stand-in holds.
const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const rig = sharedKioskRig({ pue: true, card: true, idleSeconds: 120 }, (r) => {
  r.addUsbFile('wniosek-podpisany.pdf', tinyPdf(2));
});

describe('drop-off signed with the ID card', () => {
  it('card login → signature PIN (wrong, then right) → receipt; the stand-in holds a PDF pdfsig accepts', async () => {
    const p = rig.page;
    await insertCard(rig);
    await toSelfService(p);
    await tapDigits(p, 'PIN do dowodu', CARD_PIN);
    await tapThrough(p, 'card-sign-in', 'account-individual', 'role-insured', 'menu-docs');
    await p.locator('[data-testid^=form-]').first().click();
    await p.getByTestId('file-wniosek-podpisany.pdf').click();
    // After a card login the only way on is to sign.
    await p.getByTestId('doc-sign').waitFor();
    expect(await p.getByTestId('doc-submit').count()).toBe(0);
    await p.getByTestId('doc-sign').click();
    await p.getByTestId('doc-sign-pin').waitFor();
    expect(await p.getByTestId('doc-sign-submit').isDisabled()).toBe(true);
    expect(await axeViolations(p)).toEqual([]);
    await tapDigits(p, 'PIN podpisu (6 cyfr)', '0000');
    await p.screenshot(SHOTS ? { path: join(SHOTS, 'kiosk-doc-sign-pin.png') } : {});
    await tapDigits(p, 'PIN podpisu (6 cyfr)', '00');
    await p.getByTestId('doc-sign-submit').click();
    const alert = p.locator('.error[role=alert]').first();
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toContain('Pozostałe próby: 2');
    expect(rig.card!.signTriesLeft).toBe(2);
    expect(rig.card!.triesLeft).toBe(3);
    expect(await p.getByTestId('sign-pin').inputValue()).toBe('');

    const slip = rig.printer.nextTicket(20_000);
    await tapDigits(p, 'PIN podpisu (6 cyfr)', DEFAULT_SIGN_PIN);
    await p.getByTestId('doc-sign-submit').click();
    await p.getByTestId('doc-done').waitFor({ timeout: 20_000 });
    await p.getByTestId('doc-signed').waitFor();
    const printed = (await slip).lines.join('\n');
    expect(rig.card!.signTriesLeft).toBe(3);

    // The portal stand-in verified the signature and took the document once.
    await expect.poll(() => rig.pue!.documents().count, { timeout: 30_000, interval: 250 }).toBe(1);
    const doc = rig.pue!.documents().items[0]!;
    const held = rig.pue!.documentContent(doc.upp.documentId)!;
    const sha = createHash('sha256').update(held).digest('hex');
    // The bytes the branch hashed at intake (printed on the receipt) are the ones the portal holds.
    expect(doc.upp.sha256).toBe(sha);
    expect(printed).toContain(sha.slice(0, 32));
    expect(printed).toContain(sha.slice(32));
    expect(doc.fileName).toBe('wniosek-podpisany.pdf');
    expect(held.equals(tinyPdf(2))).toBe(false);
    const report = await pdfsig(held, readFileSync(join(rig.dir, 'ca', 'ca-cert.pem'), 'utf8'));
    expect(report.valid, report.output).toBe(true);
    expect(report.trusted, report.output).toBe(true);
    expect(report.output).toContain('Anna Kowalska');
    expect(report.output).toContain('ETSI.CAdES.detached');
    await p.getByTestId('doc-finish').click();
    await p.getByTestId('pue-menu').waitFor();
    await rig.card!.remove();
    await p.getByTestId('home').waitFor({ timeout: 10_000 });
  }, 120_000);
});
