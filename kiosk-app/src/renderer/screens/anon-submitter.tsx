import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardHolder } from '@skr/protocol/card';
import type { KioskAnonSubmitter, KioskBridge } from '@skr/protocol/kiosk-bridge';
import { peselProblem } from '@skr/protocol/pesel';
import { BigButton, ErrorBox, Screen } from '../ui';

/** The submitter as chosen, and the name the confirmation shows. */
export interface ChosenSubmitter {
  submitter: KioskAnonSubmitter;
  name: string;
}

/**
 * Step 3: only what the form needs — the name, and a PESEL if the client wants (checked in
 * full before anything is sent). With a card reader the ID card fills both without a PIN; the
 * PESEL read from the card stays in the kiosk host, the page sees it masked.
 */
export function AnonSubmitter(props: {
  bridge: KioskBridge;
  cardReader: boolean;
  onChosen: (c: ChosenSubmitter) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pesel, setPesel] = useState('');
  const [tried, setTried] = useState(false);
  const [card, setCard] = useState<CardHolder | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameBad = name.trim().length < 2;
  const peselErr = pesel ? peselProblem(pesel) : null;
  const peselKey = peselErr && `pesel${peselErr[0]!.toUpperCase()}${peselErr.slice(1)}`;
  async function readCard() {
    setBusy(true);
    setError(null);
    try {
      setCard(await props.bridge.call('readCardHolder', {}));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const submit = () => {
    setTried(true);
    if (nameBad || peselErr) return;
    const typed = name.trim();
    props.onChosen({
      submitter: { by: 'typed', name: typed, ...(pesel ? { pesel } : {}) },
      name: typed,
    });
  };
  if (card)
    return (
      <Screen title={t('anon.whoTitle')} onBack={() => setCard(null)} testId="anon-who">
        <p role="status" data-testid="anon-card-holder">
          {t('anon.cardRead', {
            name: `${card.givenName} ${card.surname}`,
            pesel: card.peselMasked,
          })}
        </p>
        <BigButton
          label={t('anon.next')}
          onClick={() =>
            props.onChosen({ submitter: { by: 'card' }, name: `${card.givenName} ${card.surname}` })
          }
          testId="anon-card-next"
        />
      </Screen>
    );
  return (
    <Screen title={t('anon.whoTitle')} onBack={props.onBack} testId="anon-who">
      <ErrorBox error={error} />
      {props.cardReader ? (
        <BigButton
          label={t('anon.byCard')}
          hint={t('anon.byCardHint')}
          disabled={busy}
          onClick={() => void readCard()}
          testId="anon-card"
          variant="secondary"
        />
      ) : (
        <p data-testid="anon-no-card">{t('anon.noCardReader')}</p>
      )}
      <form
        className="code-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {props.cardReader && <h2>{t('anon.orType')}</h2>}
        <label htmlFor="anon-name">{t('anon.name')}</label>
        <input
          id="anon-name"
          value={name}
          onChange={(e) => setName(e.target.value.slice(0, 120))}
          autoComplete="off"
          aria-invalid={tried && nameBad ? true : undefined}
          aria-describedby={tried && nameBad ? 'anon-name-error' : undefined}
          data-testid="anon-name"
        />
        {tried && nameBad && (
          <p id="anon-name-error" className="error" role="alert" data-testid="anon-name-error">
            {t('anon.nameError')}
          </p>
        )}
        <label htmlFor="anon-pesel">{t('anon.pesel')}</label>
        <input
          id="anon-pesel"
          value={pesel}
          onChange={(e) => setPesel(e.target.value.replace(/\D/g, '').slice(0, 11))}
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={tried && peselKey ? true : undefined}
          aria-describedby={tried && peselKey ? 'anon-pesel-error' : 'anon-pesel-hint'}
          data-testid="anon-pesel"
        />
        <p id="anon-pesel-hint" className="hint">
          {t('anon.peselHint')}
        </p>
        {tried && peselKey && (
          <p id="anon-pesel-error" className="error" role="alert" data-testid="anon-pesel-error">
            {t(`booking.${peselKey}`)}
          </p>
        )}
        <button type="submit" className="big primary" data-testid="anon-who-next">
          {t('anon.next')}
        </button>
      </form>
    </Screen>
  );
}
