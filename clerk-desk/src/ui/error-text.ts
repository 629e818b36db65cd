import type { TFunction } from 'i18next';
import { isSkrError } from '@skr/protocol/errors';

/** What the failed request was about; some codes read better with it. */
export type FailureContext = 'call-next' | 'counter-state' | 'other';

/** A message in the user's language for a failure, never a stack or a server text. */
export function errorText(t: TFunction, e: unknown, ctx: FailureContext = 'other'): string {
  if (!isSkrError(e)) return t('errors.other');
  if (e.code === 'CONFLICT') {
    if (ctx === 'call-next' && e.details?.ticket !== undefined) return t('errors.calledStill');
    if (ctx === 'counter-state') return t('errors.handFirst');
    // The server names the reason; "the state has changed" would not tell the clerk what to do.
    if (e.details?.reason === 'closed-counter') return t('errors.closedCounter');
  }
  return t(`errors.${e.code}`, { defaultValue: t('errors.other') });
}
