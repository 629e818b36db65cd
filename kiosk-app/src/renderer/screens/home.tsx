import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '@skr/protocol/manager';
import { BigButton, Screen } from '../ui';
import type { Opening } from '../use-opening';

type Way =
  'services' | 'check-in' | 'book' | 'my-visit' | 'self-service' | 'anon-dropoff' | 'upp-lookup';

/** Each way in: its label and hint in the catalogue. */
const WAYS: Record<Way, [label: string, hint: string]> = {
  services: ['home.ticket', 'home.ticketHint'],
  'check-in': ['home.checkIn', 'home.checkInHint'],
  book: ['home.book', 'home.bookHint'],
  'my-visit': ['home.myVisit', 'home.myVisitHint'],
  'self-service': ['home.selfService', 'home.selfServiceHint'],
  'anon-dropoff': ['anon.title', 'anon.homeHint'],
  'upp-lookup': ['anon.lookup', 'anon.lookupHint'],
};
const PRIMARY: Way[] = ['services', 'check-in', 'book'];
const COUNTERS: Way[] = ['services', 'check-in'];
// "Złóż dokument (bez logowania)" and "Sprawdź potwierdzenie (UPP)": first after hours.
const ANON: Way[] = ['anon-dropoff', 'upp-lookup'];

/**
 * Start screen: the ways in (ticket, check-in, booking, self-service, drop-off without login,
 * UPP lookup). With the branch closed, what needs a counter (ticket, check-in) is hidden.
 */
export function Home(props: {
  go: (to: Way) => void;
  selfService: boolean;
  opening?: Opening;
  kioskHours?: OpeningHours;
}) {
  const { t } = useTranslation();
  const counters = !props.opening?.branchClosed;
  if (props.opening?.kioskClosed)
    return (
      <Screen title={t('home.welcome')} className="home" testId="home">
        <p className="banner" role="status" data-testid="kiosk-closed">
          {t('anon.kioskClosed', { from: props.kioskHours?.from, to: props.kioskHours?.to })}
        </p>
      </Screen>
    );
  const ways = [
    ...(counters ? COUNTERS : ANON),
    ...(['book', 'my-visit'] as const),
    ...(props.selfService ? (['self-service'] as const) : []),
    ...(counters ? ANON : []),
  ];
  return (
    <Screen title={t('home.welcome')} className="home" testId="home">
      {!counters && (
        <div className="banner" role="status" data-testid="branch-closed">
          <p className="big-label">{t('anon.branchClosed')}</p>
          <p>{t('anon.branchClosedHint')}</p>
        </div>
      )}
      <div className="grid-1">
        {ways.map((w) => (
          <BigButton
            key={w}
            label={t(WAYS[w][0])}
            hint={t(WAYS[w][1])}
            onClick={() => props.go(w)}
            testId={`go-${w === 'services' ? 'ticket' : w}`}
            variant={PRIMARY.includes(w) ? 'primary' : 'secondary'}
          />
        ))}
      </div>
    </Screen>
  );
}
