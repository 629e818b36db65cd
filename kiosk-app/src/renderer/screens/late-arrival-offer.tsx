import { useTranslation } from 'react-i18next';
import type { Service } from '@skr/protocol/domain';
import { isSkrError } from '@skr/protocol/errors';
import { LateArrivalDetails } from '@skr/protocol/late-arrival';
import { formatTime } from '../format';
import { BigButton } from '../ui';

/** The late refusal's details when `error` is a check-in past its late window, else undefined. */
export function lateOf(error: unknown): LateArrivalDetails | undefined {
  if (!isSkrError(error, 'CONFLICT')) return undefined;
  const d = LateArrivalDetails.safeParse(error.details);
  return d.success ? d.data : undefined;
}

/**
 * A booked client past the late-arrival window (issue 14): the visit is missed; the kiosk offers
 * a ticket to the line now (its estimated wait) or the nearest free slot today, whichever the
 * branch can still give. The missed visit stays recorded as missed either way.
 */
export function LateArrivalOffer(props: {
  details: LateArrivalDetails;
  /** The missed visit's service (for the ticket and the slip), once the list is loaded. */
  service: Service | undefined;
  busy: boolean;
  onWalkIn: (service: Service) => void;
  onBook: (start: string) => void;
}) {
  const { t } = useTranslation();
  const { details: d, service } = props;
  const slot = d.slot;
  return (
    <div className="late-offer" role="alert" data-testid="late-offer">
      <p className="error">
        {t('late.missed', { time: formatTime(d.bookedFor), n: d.lateArrivalMinutes })}
      </p>
      <p>{d.walkIn || slot ? t('late.choose') : t('late.nothingToday')}</p>
      {d.walkIn && service && (
        <BigButton
          label={t('late.walkIn')}
          hint={t('late.walkInWait', { n: d.walkIn.estimatedWaitMinutes })}
          onClick={() => props.onWalkIn(service)}
          disabled={props.busy}
          testId="late-walk-in"
        />
      )}
      {slot && service && (
        <BigButton
          label={t('late.book', { time: slot.time })}
          hint={t('late.bookHint')}
          onClick={() => props.onBook(slot.start)}
          disabled={props.busy}
          testId="late-book"
          variant={d.walkIn ? 'secondary' : 'primary'}
        />
      )}
    </div>
  );
}
