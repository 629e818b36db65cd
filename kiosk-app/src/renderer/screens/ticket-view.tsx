import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskTicketOutcome } from '@skr/protocol/kiosk-bridge';
import { formatDateTime, formatTime } from '../format';

/** The issued number, always on screen, with the QR to follow the line and the print result. */
export function TicketView(props: {
  outcome: KioskTicketOutcome;
  onDone: () => void;
  /** Opens the optional "notify me by SMS / e-mail" step (issue 15). */
  onNotify?: () => void;
}) {
  const { t } = useTranslation();
  const { ticket, followUrl, printed } = props.outcome;
  // A late client's walk-in: the visit's hour, said as past, and its place in line.
  const late =
    ticket.bookedFor && ticket.lateArrival
      ? {
          when: t('ticket.lateArrival', { time: formatTime(ticket.bookedFor) }),
          place: t('ticket.lateInLine'),
        }
      : undefined;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(followUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(
      setQr,
    );
  }, [followUrl]);
  useEffect(() => {
    // Without a print the number must stay long enough to be noted down or scanned.
    const timer = setTimeout(props.onDone, printed ? 20_000 : 60_000);
    return () => clearTimeout(timer);
  }, [printed, props.onDone]);
  return (
    <section className="screen ticket" aria-labelledby="screen-title" data-testid="ticket">
      {/* Speech mode reads the whole ticket when this heading takes the focus. */}
      <h1
        id="screen-title"
        tabIndex={-1}
        data-speak={[
          `${t('ticket.yourNumber')}: ${ticket.number}.`,
          late ? `${late.when}. ${late.place}.` : '',
          `${t('ticket.peopleAhead')}: ${ticket.peopleAhead}.`,
          `${t('ticket.wait')}: ${t('ticket.minutes', { count: ticket.estimatedWaitMinutes })}.`,
        ]
          .filter(Boolean)
          .join(' ')}
      >
        {t('ticket.yourNumber')}
      </h1>
      <p className="number" data-testid="ticket-number" aria-live="polite">
        {ticket.number}
      </p>
      <dl className="facts">
        {late ? (
          <div data-testid="late-walk-in-note">
            <dt>{late.when}</dt>
            <dd>{late.place}</dd>
          </div>
        ) : ticket.bookedFor ? (
          <div>
            <dt>{t('ticket.bookedFor')}</dt>
            <dd>{formatDateTime(ticket.bookedFor)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('ticket.peopleAhead')}</dt>
          <dd data-testid="people-ahead">{ticket.peopleAhead}</dd>
        </div>
        <div>
          <dt>{t('ticket.wait')}</dt>
          <dd data-testid="wait">{t('ticket.minutes', { count: ticket.estimatedWaitMinutes })}</dd>
        </div>
      </dl>
      <p className={printed ? 'status ok' : 'status warn'} role="status" data-testid="print-status">
        {printed ? t('ticket.printed') : t('ticket.notPrinted')}
      </p>
      <figure className="qr">
        {qr && (
          <img
            src={qr}
            alt={t('ticket.follow')}
            data-testid="qr"
            data-url={followUrl}
            width={240}
            height={240}
          />
        )}
        <figcaption>{t('ticket.follow')}</figcaption>
      </figure>
      {props.onNotify && (
        <button
          type="button"
          className="big secondary done"
          onClick={props.onNotify}
          data-testid="notify-me"
        >
          {t('ticket.notify')}
        </button>
      )}
      <button type="button" className="big primary done" onClick={props.onDone} data-testid="done">
        {t('ticket.done')}
      </button>
    </section>
  );
}
