import type { TFunction } from 'i18next';
import { BookingRefusal } from '@skr/protocol/calendar';
import { isSkrError } from '@skr/protocol/errors';
import { errorText } from './error-text';

/**
 * A refused booking in the clerk's language, with the rule's number the branch sent (the rules
 * are configuration); any other failure as the console's usual message.
 */
export function bookingErrorText(t: TFunction, e: unknown): string {
  const reason = isSkrError(e, 'CONFLICT') ? BookingRefusal.safeParse(e.details?.reason) : null;
  if (!reason?.success || !isSkrError(e)) return errorText(t, e);
  const d = e.details ?? {};
  const n = d.minLeadMinutes ?? d.maxVisitsPerDay ?? d.minGapMinutes ?? '';
  return t(`followUp.refusal.${reason.data}`, { n });
}
