import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayAhead as day, screenshot } from './desk-page';
import { openFollowUp } from './follow-up-steps';
import { deskRig } from './desk-rig';
import { putEveryDayPlan } from '../../branch-server/test/booking-plan';

// The desk's printed slip for a follow-up visit (issue 14), in Chromium: the desk has no receipt
// printer, so "Drukuj potwierdzenie" prints a print-only view on the office printer through
// window.print(). The view carries the code, day, hour and service, and a QR whose payload is the
// visit code, the same payload the kiosk slip's QR has (its scanner types it at check-in). No QR
// decoder is installed, so the test encodes the code with the same library and options and
// compares the images' SVG exactly; it fits one A6 page and one A4 page.

const { branch, page } = deskRig();

beforeAll(async () => {
  await putEveryDayPlan(branch, ['emerytury']);
});

/** Pages of a PDF (each page object says `/Type /Page`, the tree `/Type /Pages`). */
const pageCount = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('desk: the follow-up visit slip', () => {
  it('prints code, day, hour, service and the check-in QR alone, on A6 or A4', async () => {
    const dialog = await openFollowUp(page, branch);
    await page.getByTestId('follow-up-day').selectOption(day(3));
    await page.getByTestId('follow-up-hour').selectOption({ label: '11:30 (wolne: 1)' });
    await page.getByTestId('follow-up-pesel').fill('44051401359');
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
    await page.getByRole('dialog', { name: 'Wizyta umówiona' }).waitFor();
    const code = (await page.getByTestId('follow-up-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    // The print button opens the browser's print dialog (counted here instead of shown).
    await page.evaluate(() => {
      const w = globalThis as unknown as { print: () => void; prints: number };
      w.prints = 0;
      w.print = () => (w.prints += 1);
    });
    await page.getByTestId('follow-up-print').click();
    expect(await page.evaluate(() => (globalThis as unknown as { prints: number }).prints)).toBe(1);

    // On screen the slip is hidden; printed, it is all there is.
    const slip = page.getByTestId('print-slip');
    expect(await slip.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await slip.isVisible()).toBe(true);
      expect(await page.getByRole('dialog', { name: 'Wizyta umówiona' }).isVisible()).toBe(false);
      expect(await page.getByTestId('slip-code').textContent()).toBe(code);
      expect(await page.getByTestId('slip-time').textContent()).toBe('11:30');
      expect(await page.getByTestId('slip-service').textContent()).toBe('Emerytury i renty');
      const [y, , d] = day(3).split('-').map(Number);
      expect(await page.getByTestId('slip-day').textContent()).toContain(`${d} `);
      expect(await page.getByTestId('slip-day').textContent()).toContain(String(y));
      const text = (await slip.textContent()) ?? '';
      expect(text).toContain('ZUS — wizyta umówiona');
      expect(text).not.toContain('44051401359');
      // The QR: the visit code, exactly as the library encodes it with the slip's options.
      const src = (await page.getByTestId('slip-qr').getAttribute('src'))!;
      const svg = decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
      expect(svg).toBe(
        await QRCode.toString(code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      );
      expect(svg).not.toBe(
        await QRCode.toString(`${code}X`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      );
      await screenshot(page, 'desk-visit-slip');
      expect(pageCount(await page.pdf({ format: 'A6' }))).toBe(1);
      expect(pageCount(await page.pdf({ format: 'A4' }))).toBe(1);
    } finally {
      await page.emulateMedia({ media: null });
    }
    await page
      .getByRole('dialog', { name: 'Wizyta umówiona' })
      .getByRole('button', { name: 'Zatwierdź' })
      .click();
    // Closed, the slip leaves the page with its dialog.
    await expect.poll(() => page.getByTestId('print-slip').count()).toBe(0);
  }, 90_000);
});
