import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton, ErrorBox, Screen } from '../ui';
import { KioskForm, SubmitButton, TextField } from '../form-parts';
import { Keypad } from '../keypad';
import { cleanCode } from './my-visit-find';

/**
 * Check-in by booking code: typed on screen, typed by the QR scanner (it sends keys + Enter
 * into the focused field), or with the ID card.
 */
export function CheckIn(props: {
  busy: boolean;
  error: unknown;
  cardReader: boolean;
  onCode: (code: string) => void;
  onCard: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = () => code.length >= 6 && !props.busy && props.onCode(code);
  return (
    <Screen title={t('checkIn.title')} onBack={props.onBack} testId="check-in">
      <ErrorBox error={props.error} />
      <KioskForm onSubmit={submit}>
        <TextField
          id="booking-code"
          label={t('checkIn.codeLabel')}
          hint={t('checkIn.codeHint')}
          ref={input}
          value={code}
          onChange={(e) => setCode(cleanCode(e.target.value))}
          spellCheck={false}
          inputMode="none"
          data-autofocus
        />
        <Keypad
          value={code}
          onChange={setCode}
          onEnter={submit}
          max={12}
          letters
          label={t('checkIn.codeLabel')}
        />
        <SubmitButton
          label={t('checkIn.confirm')}
          disabled={code.length < 6 || props.busy}
          testId="confirm-code"
        />
      </KioskForm>
      {props.cardReader && (
        <BigButton
          label={t('checkIn.card')}
          hint={t('checkIn.cardHint')}
          onClick={props.onCard}
          disabled={props.busy}
          testId="check-in-card"
          variant="secondary"
        />
      )}
    </Screen>
  );
}
