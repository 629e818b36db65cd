import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardHolder } from '@skr/protocol/card';
import type { KioskAnonSubmitter, KioskBridge } from '@skr/protocol/kiosk-bridge';
import { KioskForm, SubmitButton, TextField } from '../form-parts';
import { BigButton, ErrorBox, Screen } from '../ui';
import { useAction } from '../use-action';
import { peselErrorKey } from './booking-identity';

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
  const { busy, error, run } = useAction();
  const nameBad = name.trim().length < 2;
  const peselKey = pesel ? peselErrorKey(pesel) : null;
  const readCard = () => run(async () => setCard(await props.bridge.call('readCardHolder', {})));
  const submit = () => {
    setTried(true);
    if (nameBad || peselKey) return;
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
      <KioskForm onSubmit={submit}>
        {props.cardReader && <h2>{t('anon.orType')}</h2>}
        <TextField
          id="anon-name"
          label={t('anon.name')}
          error={tried && nameBad && t('anon.nameError')}
          errorTestId="anon-name-error"
          value={name}
          onChange={(e) => setName(e.target.value.slice(0, 120))}
        />
        <TextField
          id="anon-pesel"
          label={t('anon.pesel')}
          hint={t('anon.peselHint')}
          error={tried && peselKey && t(peselKey)}
          errorTestId="anon-pesel-error"
          value={pesel}
          onChange={(e) => setPesel(e.target.value.replace(/\D/g, '').slice(0, 11))}
          inputMode="numeric"
        />
        <SubmitButton label={t('anon.next')} testId="anon-who-next" />
      </KioskForm>
    </Screen>
  );
}
