import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '@skr/protocol/manager';
import { BigButton } from '../ui';
import type { Opening } from '../use-opening';

/**
 * Start screen: the ways in (ticket, check-in, booking, self-service, drop-off without login,
 * UPP lookup). With the branch closed, what needs a counter (ticket, check-in) is hidden.
 */
export function Home(props: {
  go: (
    to:
      | 'services'
      | 'check-in'
      | 'book'
      | 'my-visit'
      | 'self-service'
      | 'anon-dropoff'
      | 'upp-lookup',
  ) => void;
  selfService: boolean;
  opening?: Opening;
  kioskHours?: OpeningHours;
}) {
  const { t } = useTranslation();
  const counters = !props.opening?.branchClosed;
  if (props.opening?.kioskClosed)
    return (
      <section className="screen home" aria-labelledby="screen-title" data-testid="home">
        <h1 id="screen-title" tabIndex={-1}>
          {t('home.welcome')}
        </h1>
        <p className="banner" role="status" data-testid="kiosk-closed">
          {t('anon.kioskClosed', { from: props.kioskHours?.from, to: props.kioskHours?.to })}
        </p>
      </section>
    );
  return (
    <section className="screen home" aria-labelledby="screen-title" data-testid="home">
      <h1 id="screen-title" tabIndex={-1}>
        {t('home.welcome')}
      </h1>
      {!counters && (
        <div className="banner" role="status" data-testid="branch-closed">
          <p className="big-label">{t('anon.branchClosed')}</p>
          <p>{t('anon.branchClosedHint')}</p>
        </div>
      )}
      <div className="grid-1">
        {counters && (
          <BigButton
            label={t('home.ticket')}
            hint={t('home.ticketHint')}
            onClick={() => props.go('services')}
            testId="go-ticket"
          />
        )}
        {counters && (
          <BigButton
            label={t('home.checkIn')}
            hint={t('home.checkInHint')}
            onClick={() => props.go('check-in')}
            testId="go-check-in"
          />
        )}
        {!counters && <AnonButtons go={props.go} />}
        <BigButton
          label={t('home.book')}
          hint={t('home.bookHint')}
          onClick={() => props.go('book')}
          testId="go-book"
        />
        <BigButton
          label={t('home.myVisit')}
          hint={t('home.myVisitHint')}
          onClick={() => props.go('my-visit')}
          testId="go-my-visit"
          variant="secondary"
        />
        {props.selfService && (
          <BigButton
            label={t('home.selfService')}
            hint={t('home.selfServiceHint')}
            onClick={() => props.go('self-service')}
            testId="go-self-service"
            variant="secondary"
          />
        )}
        {counters && <AnonButtons go={props.go} />}
      </div>
    </section>
  );
}

/** "Złóż dokument (bez logowania)" and "Sprawdź potwierdzenie (UPP)": first after hours. */
function AnonButtons(props: { go: (to: 'anon-dropoff' | 'upp-lookup') => void }) {
  const { t } = useTranslation();
  return (
    <>
      <BigButton
        label={t('anon.title')}
        hint={t('anon.homeHint')}
        onClick={() => props.go('anon-dropoff')}
        testId="go-anon-dropoff"
        variant="secondary"
      />
      <BigButton
        label={t('anon.lookup')}
        hint={t('anon.lookupHint')}
        onClick={() => props.go('upp-lookup')}
        testId="go-upp-lookup"
        variant="secondary"
      />
    </>
  );
}
