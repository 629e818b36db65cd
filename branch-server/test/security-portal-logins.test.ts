import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@skr/pue-emulator';
import { portalBed } from './sync-harness';

// Issue 13: the portal proxy let one kiosk try 30 wrong citizen passwords in 1.4 s. Now 5 wrong
// a minute per kiosk (a clear Polish 429), 30 for the whole branch; right logins do not count.
const bed = portalBed();

async function passwordLogin(kiosk: string, password: string, login = DEMO_LOGINS[0]!.login) {
  const res = await fetch(`${bed.b.url}/api/v1/pue/auth/password`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${kiosk}`,
      'content-type': 'application/json',
      'accept-language': 'pl',
    },
    body: JSON.stringify({ login, password }),
  });
  return { status: res.status, body: (await res.json()) as { code: string; message: string } };
}

describe('citizens’ portal logins per kiosk (issue 13)', () => {
  it('refuses the 6th wrong login of a minute with 429 in Polish, before asking the portal', async () => {
    const kiosk = await bed.b.device('kiosk', 'hala 1');
    expect((await passwordLogin(kiosk, DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++)
      expect((await passwordLogin(kiosk, `zle-haslo-numer-${i}`)).status).toBe(401);
    const asked = bed.pue.outbox().length;
    const sixth = await passwordLogin(kiosk, DEMO_PASSWORD);
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('RATE_LIMITED');
    expect(sixth.body.message).toMatch(/^Zbyt wiele prób\. Spróbuj ponownie za chwilę\./);
    // Refused before the portal: no code was sent for it.
    expect(bed.pue.outbox().length).toBe(asked);
    // Another kiosk in the hall is not locked out by the first one.
    const other = await bed.b.device('kiosk', 'hala 2');
    expect((await passwordLogin(other, DEMO_PASSWORD)).status).toBe(200);
  });

  it('caps wrong logins branch-wide, whichever kiosks they come from', async () => {
    const kiosks = await Promise.all(
      Array.from({ length: 7 }, (_, i) => bed.b.device('kiosk', `flood ${i}`)),
    );
    const statuses: number[] = [];
    // 5 already failed above; 7 kiosks × 4 wrong = 28 more reach the cap of 30.
    for (const k of kiosks)
      for (let i = 0; i < 4; i++)
        statuses.push((await passwordLogin(k, 'zle-haslo-zalew', `nieznany-${i}`)).status);
    expect(statuses.filter((s) => s === 401).length).toBe(25);
    expect(statuses.filter((s) => s === 429).length).toBe(3);
    const fresh = await bed.b.device('kiosk', 'nowy');
    expect((await passwordLogin(fresh, DEMO_PASSWORD)).status).toBe(429);
  });
});
