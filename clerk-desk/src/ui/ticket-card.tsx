import type { Service, Ticket } from '@skr/protocol/domain';
import { useTranslation } from 'react-i18next';
import { clock, duration, punctuality, waitedMinutes } from './format';
import { useNow } from './use-now';

interface Props {
  ticket: Ticket | null;
  service: Service | undefined;
}

/** The client in hand: number, service, how long they waited, booked-visit details. */
export function TicketCard({ ticket, service }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const lang = i18n.language as 'pl' | 'en' | 'uk';
  if (!ticket)
    return (
      <section className="card ticket empty" aria-labelledby="ticket-h" data-testid="ticket">
        <h2 id="ticket-h">{t('ticket.heading')}</h2>
        <p className="ticket-none">{t('ticket.none')}</p>
      </section>
    );
  const late = punctuality(ticket);
  return (
    <section className="card ticket" aria-labelledby="ticket-h" data-testid="ticket">
      <h2 id="ticket-h">{t('ticket.heading')}</h2>
      <div className="ticket-head">
        <span className="ticket-number" data-testid="ticket-number">
          {ticket.number}
        </span>
        <span className={`badge tstate-${ticket.state}`} data-testid="ticket-state">
          {t(`ticketState.${ticket.state}`)}
        </span>
        <span
          className="ticket-timer"
          aria-label={ticket.state === 'serving' ? t('ticket.serving') : t('ticket.called')}
        >
          {duration(ticket.startedAt ?? ticket.calledAt ?? ticket.issuedAt, now)}
        </span>
      </div>
      <dl className="facts">
        <dt>{t('ticket.service')}</dt>
        <dd>{service ? `${service.prefix} · ${service.names[lang]}` : ticket.serviceId}</dd>
        <dt>{t('ticket.issued')}</dt>
        <dd>{clock(ticket.issuedAt, lang)}</dd>
        <dt>{t('ticket.waited')}</dt>
        <dd data-testid="waited">{t('lines.minutes', { count: waitedMinutes(ticket, now) })}</dd>
        {ticket.calledAt && (
          <>
            <dt>{t('ticket.called')}</dt>
            <dd>{clock(ticket.calledAt, lang)}</dd>
          </>
        )}
        {ticket.startedAt && (
          <>
            <dt>{t('ticket.serving')}</dt>
            <dd>{clock(ticket.startedAt, lang)}</dd>
          </>
        )}
        {ticket.priority && (
          <>
            <dt>{t('ticket.priority')}</dt>
            <dd>{t(`priority.${ticket.priority}`)}</dd>
          </>
        )}
        {ticket.recalls > 0 && (
          <>
            <dt>{t('ticket.recalls')}</dt>
            <dd>{ticket.recalls}</dd>
          </>
        )}
        {ticket.transfers > 0 && (
          <>
            <dt>{t('ticket.transfers')}</dt>
            <dd>{ticket.transfers}</dd>
          </>
        )}
      </dl>
      {ticket.bookedFor && (
        <div className="booking" data-testid="booking">
          <h3>{t('ticket.booked')}</h3>
          <dl className="facts">
            <dt>{t('ticket.bookedFor')}</dt>
            <dd>
              {clock(ticket.bookedFor, lang)}
              {late !== null &&
                ` (${
                  late > 0
                    ? t('ticket.late', { count: late })
                    : late < 0
                      ? t('ticket.early', { count: -late })
                      : t('ticket.onTime')
                })`}
            </dd>
            {ticket.bookingCode && (
              <>
                <dt>{t('ticket.bookingCode')}</dt>
                <dd className="code">{ticket.bookingCode}</dd>
              </>
            )}
          </dl>
        </div>
      )}
    </section>
  );
}
