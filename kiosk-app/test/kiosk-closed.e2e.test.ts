import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './a11y-checkers';
import { sharedKioskRig } from './kiosk-rig';

// Outside the kiosk's own hours (SKR_KIOSK_HOURS; here no day at all, so no clock is moved) the
// home says when it opens and offers nothing: the building is closed, a client there is lost.

const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const rig = sharedKioskRig({
  kioskHours: { days: [], from: '06:00', to: '22:00' },
  viewport: { width: 1080, height: 1920 },
});

describe("outside the kiosk's own hours", () => {
  it('the home says when the kiosk opens and shows no way in', async () => {
    const p = rig.page;
    await p.getByTestId('kiosk-closed').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('kiosk-closed').textContent()).toContain('06:00–22:00');
    for (const id of ['go-ticket', 'go-anon-dropoff', 'go-upp-lookup', 'go-book'])
      expect(await p.getByTestId(id).count(), id).toBe(0);
    expect(await axeViolations(p)).toEqual([]);
    await p.screenshot(SHOTS ? { path: join(SHOTS, 'kiosk-home-kiosk-closed.png') } : {});
  }, 60_000);
});
