import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui';

/** Start screen: the ways in (ticket, check-in, booking, self-service). */
export function Home(props: {
  go: (to: 'services' | 'check-in' | 'book' | 'my-visit' | 'self-service') => void;
  selfService: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="screen home" aria-labelledby="screen-title" data-testid="home">
      <h1 id="screen-title" tabIndex={-1}>
        {t('home.welcome')}
      </h1>
      <div className="grid-1">
        <BigButton
          label={t('home.ticket')}
          hint={t('home.ticketHint')}
          onClick={() => props.go('services')}
          testId="go-ticket"
        />
        <BigButton
          label={t('home.checkIn')}
          hint={t('home.checkInHint')}
          onClick={() => props.go('check-in')}
          testId="go-check-in"
        />
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
      </div>
    </section>
  );
}
