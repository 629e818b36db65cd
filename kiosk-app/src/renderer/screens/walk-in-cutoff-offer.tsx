import { useTranslation } from 'react-i18next';
import type { Lang } from '@skr/protocol/domain';
import { isSkrError } from '@skr/protocol/errors';
import { WalkInCutoffDetails } from '@skr/protocol/walk-in-cutoff';
import type { SlotAvailability } from '@skr/protocol/calendar';
import { formatDate } from '../format';

/** The walk-in cut-off's details when `error` is that refusal, else undefined. */
export function cutoffOf(error: unknown): WalkInCutoffDetails | undefined {
  if (!isSkrError(error, 'CONFLICT')) return undefined;
  const d = WalkInCutoffDetails.safeParse(error.details);
  return d.success ? d.data : undefined;
}

/** "wt 01.12.2026 10:30": the weekday in the client's language, then the branch's date and time. */
function when(slot: SlotAvailability, lang: Lang): string {
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${slot.day}T12:00:00Z`),
  );
  return `${weekday} ${formatDate(slot.day)} ${slot.time}`;
}

/**
 * Instead of a ticket for a service whose line would outlast the day (or once the branch day has
 * been ended): the nearest bookable slot and "Umów", which opens the booking flow at that slot
 * (issue 14).
 */
export function WalkInCutoffOffer(props: {
  details: WalkInCutoffDetails;
  lang: Lang;
  onBook: (slot: SlotAvailability) => void;
}) {
  const { t } = useTranslation();
  const slot = props.details.nextSlot;
  return (
    <div
      className="error"
      role="alert"
      data-testid="walk-in-cutoff"
      data-cutoff={props.details.cutoff}
    >
      <p>
        {t(props.details.cutoff === 'ended' ? 'services.cutoffEnded' : 'services.cutoff')}
        {slot ? ` — ${t('services.cutoffSlot', { when: when(slot, props.lang) })}` : ''}
      </p>
      {slot ? (
        <button type="button" data-testid="cutoff-book" onClick={() => props.onBook(slot)}>
          {t('services.cutoffBook')}
        </button>
      ) : (
        <p>{t('services.cutoffNoSlot')}</p>
      )}
    </div>
  );
}
