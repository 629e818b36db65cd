import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBookResult } from '@skr/protocol/kiosk-bridge';
import { Fact } from '../data-table';
import { formatDate } from '../format';
import { BigButton } from '../ui';

/** The booked visit on screen: the code big, day, hour, service, the QR, print and SMS state. */
export function BookingDone(props: {
  result: KioskBookResult;
  serviceName: string;
  onDone: () => void;
  /** The heading when it is not a new booking ("Termin zmieniony" after a rebook). */
  title?: string;
}) {
  const { t } = useTranslation();
  const { visit, printed, confirmation } = props.result;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    // The same QR as on the slip: the kiosk's scanner reads it at check-in.
    void QRCode.toDataURL(visit.code, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(
      setQr,
    );
  }, [visit.code]);
  const day = formatDate(visit.day);
  return (
    <section className="screen ticket" aria-labelledby="screen-title" data-testid="booking-done">
      <h1
        id="screen-title"
        tabIndex={-1}
        data-speak={t('booking.doneSpoken', {
          day,
          time: visit.time,
          service: props.serviceName,
          code: visit.code.split('').join(' '),
        })}
      >
        {props.title ?? t('booking.doneTitle')}
      </h1>
      <p className="number booking-code" data-testid="booking-code-shown">
        {visit.code}
      </p>
      <dl className="facts">
        <Fact term={t('booking.service')} focusable={false}>
          {props.serviceName}
        </Fact>
        <Fact term={t('booking.day')} testId="booking-day-shown" focusable={false}>
          {day}
        </Fact>
        <Fact term={t('booking.hour')} testId="booking-time-shown" focusable={false}>
          {visit.time}
        </Fact>
      </dl>
      <p className={printed ? 'status ok' : 'status warn'} role="status" data-testid="print-status">
        {printed ? t('booking.printed') : t('booking.notPrinted')}
      </p>
      {confirmation !== 'none' && (
        <p className="hint" data-testid="sms-status">
          {confirmation === 'queued' ? t('booking.smsQueued') : t('booking.smsOff')}
        </p>
      )}
      <figure className="qr">
        {qr && (
          <img src={qr} alt={t('booking.qr')} data-testid="booking-qr" width={240} height={240} />
        )}
        <figcaption>{t('booking.qr')}</figcaption>
      </figure>
      <BigButton label={t('ticket.done')} onClick={props.onDone} testId="booking-finish" />
    </section>
  );
}
