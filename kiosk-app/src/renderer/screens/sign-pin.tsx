import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskForm, SubmitButton } from '../form-parts';
import { PinField } from '../pin-field';
import { PinError, Screen } from '../ui';

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
      <PinError error={props.error} triesLeftKey="docs.signTriesLeft" />
      <KioskForm className="card-login" onSubmit={sign}>
        <p>{props.hint ?? t('docs.signHint')}</p>
        <PinField
          id="sign-pin"
          label={t('docs.signPin')}
          value={pin}
          max={LENGTH}
          onChange={setPin}
          onEnter={sign}
          secret
        />
        <SubmitButton
          label={props.submitLabel ?? t('docs.signAndSend')}
          disabled={props.busy || pin.length !== LENGTH}
          testId="doc-sign-submit"
        />
      </KioskForm>
    </Screen>
  );
}
