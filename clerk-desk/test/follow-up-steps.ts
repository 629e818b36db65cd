import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestBranch } from '../../branch-server/test/harness';
import { chooseCounter, issue, signIn } from './desk-page';

/**
 * A clerk at counter 1 calls a pension client and opens "Umów kolejną wizytę"; answers the
 * dialog once its days have come from the branch calendar.
 */
export async function openFollowUp(page: Page, branch: TestBranch): Promise<Locator> {
  await signIn(page, 'urzednik1');
  await chooseCounter(page, 'Stanowisko 1');
  await issue(branch, { serviceId: 'emerytury' });
  await page.getByTestId('do-call-next').click();
  await page.getByTestId('do-follow-up').click();
  const dialog = page.getByRole('dialog', { name: 'Umów kolejną wizytę' });
  await dialog.waitFor();
  await expect
    .poll(() => page.locator('[data-testid=follow-up-day] option').count())
    .toBeGreaterThan(20);
  return dialog;
}
