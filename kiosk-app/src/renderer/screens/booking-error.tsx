import { useTranslation } from 'react-i18next';
import { BookingRefusal } from '@skr/protocol/calendar';
import { isSkrError } from '@skr/protocol/errors';
import { ErrorBox } from '../ui';

// ZUS's published values, for a branch that did not send the rule's number.
const DEFAULT_N: Partial<Record<BookingRefusal, number>> = {
  'too-late': 60,
  'daily-limit': 3,
  gap: 30,
};

/**
 * A refused booking in the client's language (full, too late, 3 a day, 30 min gap, closed,
 * past); any other failure as the kiosk's usual error message.
 */
export function BookingError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = isSkrError(error, 'CONFLICT')
    ? BookingRefusal.safeParse(error.details?.reason)
    : null;
  if (!reason?.success) return <ErrorBox error={error} />;
  const d = isSkrError(error) ? (error.details ?? {}) : {};
  // The rule's number as the branch sent it; the catalogue's default when it sent none.
  const n = [d.minLeadMinutes, d.maxVisitsPerDay, d.minGapMinutes].find(
    (v) => typeof v === 'number',
  );
  return (
    <p className="error" role="alert" data-code="CONFLICT" data-reason={reason.data}>
      {t(`booking.refusal.${reason.data}`, {
        n: n ?? DEFAULT_N[reason.data] ?? '',
        // The daily limit's word agrees with its number (1 wizytę, 3 wizyty, 5 wizyt).
        ...(reason.data === 'daily-limit' ? { count: n ?? DEFAULT_N['daily-limit'] } : {}),
      })}
    </p>
  );
}
