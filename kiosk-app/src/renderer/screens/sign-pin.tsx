import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isSkrError } from '@skr/protocol/errors';
import { Keypad } from '../keypad';
import { ErrorBox, Screen } from '../ui';

const LENGTH = 6;

/**
 * The ID card's signature PIN ("podpis osobisty"): 6 digits on the screen's keys or the kiosk
 * keypad. The field is a password field, so speech mode counts the digits and never says them;
 * the PIN leaves this screen's state before the host is called.
 */
export function SignPin(props: {
  busy: boolean;
  error: unknown;
  onSign: (pin: string) => void;
  onBack: () => void;
  /** Another step's own words (the UPD of an answer); the drop-off's by default. */
  title?: string;
  hint?: ReactNode;
  submitLabel?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const triesLeft =
    isSkrError(props.error) && typeof props.error.details?.triesLeft === 'number'
      ? props.error.details.triesLeft
      : null;
  const sign = () => {
    if (pin.length !== LENGTH || props.busy) return;
    const entered = pin;
    setPin('');
    props.onSign(entered);
  };
  return (
    <Screen
      title={props.title ?? t('docs.signTitle')}
      onBack={props.onBack}
      testId={props.testId ?? 'doc-sign-pin'}
    >
      {triesLeft === null ? (
        <ErrorBox error={props.error} />
      ) : (
        <p className="error" role="alert" data-code="PIN_INVALID">
          {t('docs.signTriesLeft', { count: triesLeft })}
        </p>
      )}
      <form className="card-login" onSubmit={(e) => (e.preventDefault(), sign())}>
        <p>{props.hint ?? t('docs.signHint')}</p>
        <label htmlFor="sign-pin">{t('docs.signPin')}</label>
        <input
          id="sign-pin"
          type="password"
          inputMode="none"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, LENGTH))}
          data-testid="sign-pin"
          aria-live="off"
        />
        <Keypad
          value={pin}
          onChange={setPin}
          onEnter={sign}
          max={LENGTH}
          label={t('docs.signPin')}
        />
        <button
          type="submit"
          className="big primary"
          disabled={props.busy || pin.length !== LENGTH}
          data-testid="doc-sign-submit"
        >
          {props.submitLabel ?? t('docs.signAndSend')}
        </button>
      </form>
    </Screen>
  );
}
