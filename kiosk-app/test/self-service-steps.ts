// Steps several urzędomat tests take the same way: into self-service, signing in with the
// password and the code the portal stand-in "sent", inserting the virtual ID card.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@skr/pue-emulator';
import { CARD_PIN, type KioskRig } from './kiosk-rig';

/** Taps the elements with these test ids in turn (each tap waits until its element shows). */
export async function tapThrough(p: Page, ...testIds: string[]): Promise<void> {
  for (const id of testIds) await p.getByTestId(id).click();
}

/** Taps what ends a flow (finish, back, log out) and waits until the home screen shows. */
export async function endAtHome(p: Page, button: Locator): Promise<void> {
  await button.click();
  await p.getByTestId('home').waitFor();
}

/** From the home screen to the sign-in screen of the urzędomat. */
export async function toSelfService(p: Page): Promise<void> {
  await p.getByTestId('home').waitFor();
  await p.getByTestId('go-self-service').click();
  await p.getByTestId('pue-login').waitFor();
}

/** Taps `digits` on the on-screen keypad of the field group named `group` ("PIN do dowodu"). */
export async function tapDigits(p: Page, group: string, digits: string): Promise<void> {
  for (const d of digits)
    await p
      .getByRole('group', { name: group })
      .getByRole('button', { name: d, exact: true })
      .click();
}

/** The one-time code the portal stand-in last sent (its outbox). */
export function lastCode(rig: KioskRig): string {
  return rig.pue!.outbox().at(-1)!.code;
}

/** Demo client `who` (0 Anna, 1 Jan) gives login and password by touch: the code screen. */
export async function passwordStep(p: Page, who: 0 | 1): Promise<void> {
  await toSelfService(p);
  await p.getByTestId('mode-password').click();
  await p.getByTestId('login').fill(DEMO_LOGINS[who]!.login);
  await p.getByTestId('password').fill(DEMO_PASSWORD);
  await p.getByTestId('password-next').click();
  await p.getByTestId('code').waitFor();
}

/** Signs in demo client `who` (0 Anna, 1 Jan) by password and code, by touch. */
export async function signInWithPassword(p: Page, rig: KioskRig, who: 0 | 1): Promise<void> {
  await passwordStep(p, who);
  await p.getByTestId('code').fill(lastCode(rig));
  await p.getByTestId('code-sign-in').click();
  await p.getByTestId('pue-account').waitFor();
}

/** Inserts the virtual card and waits until the kiosk has seen it (pcscd polls the slot). */
export async function insertCard(rig: KioskRig): Promise<void> {
  await rig.card!.insert();
  await expect
    .poll(async () => (await rig.runtime.services.handlers.devices({})).cardPresent, {
      timeout: 15_000,
    })
    .toBe(true);
}

/** Inserts the virtual card and signs Anna in with it and its PIN: the account choice. */
export async function signInWithCard(p: Page, rig: KioskRig): Promise<void> {
  await insertCard(rig);
  await toSelfService(p);
  await p.getByTestId('pin').fill(CARD_PIN);
  await p.getByTestId('card-sign-in').click();
  await p.getByTestId('pue-account').waitFor({ timeout: 10_000 });
}

/** From the account choice to the inbox of the individual account (insured role), loaded. */
export async function openInbox(p: Page): Promise<void> {
  await tapThrough(p, 'account-individual', 'role-insured', 'menu-inbox');
  await p.locator('[data-testid=inbox] tbody tr').first().waitFor();
}

/**
 * A drop-off the portal could not take yet: the screen (`status`, e.g. 'doc-status') says it is
 * queued and not a UPP yet, and the printed slip is the branch's receipt, not a UPP. Returns
 * the slip's lines joined.
 */
export async function expectQueuedReceipt(
  p: Page,
  status: string,
  slip: Promise<{ lines: string[] }>,
): Promise<string> {
  expect(await p.getByTestId(status).getAttribute('data-status')).toBe('queued');
  expect(await p.getByTestId(status).textContent()).toContain('To jeszcze nie UPP');
  const text = (await slip).lines.join('\n');
  expect(text).toContain('Potwierdzenie przyjęcia w oddziale');
  expect(text).toContain('To nie jest UPP');
  expect(text).not.toContain('Urzędowe poświadczenie przedłożenia');
  expect(text).not.toContain('Nr UPP');
  return text;
}
