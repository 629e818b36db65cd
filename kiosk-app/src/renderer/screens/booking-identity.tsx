import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBookingIdentity } from '@skr/protocol/kiosk-bridge';
import { peselProblem } from '@skr/protocol/pesel';
import { KioskForm, SubmitButton, TextField } from '../form-parts';
import { Keypad } from '../keypad';
import { BigButton } from '../ui';

/** What is wrong with a typed phone number (9 digits, Polish mobile), or null. */
export function phoneProblem(p: string): 'phoneLength' | null {
  return /^\d{9}$/.test(p) ? null : 'phoneLength';
}

type Field = 'pesel' | 'phone';

/** The catalogue key of what is wrong with a typed PESEL (`booking.peselChecksum`…), or null. */
export function peselErrorKey(pesel: string): string | null {
  const problem = peselProblem(pesel);
  return problem && `booking.pesel${problem[0]!.toUpperCase()}${problem.slice(1)}`;
}

/** A digits-only field typed on the on-screen keypad, with its hint and its error. */
function DigitField(props: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  max: number;
  error: string | null;
  onChange: (v: string) => void;
  onFocus: () => void;
}) {
  const id = `booking-${props.name}`;
  return (
    <TextField
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      errorTestId={`${props.name}-error`}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value.replace(/\D/g, '').slice(0, props.max))}
      onFocus={props.onFocus}
      inputMode="none"
    />
  );
}

/** The PESEL typed on the keypad; once the client tried to send, what is wrong with it. */
export function PeselDigits(props: {
  name: string;
  value: string;
  tried: boolean;
  onChange: (v: string) => void;
  onFocus: () => void;
}) {
  const { t } = useTranslation();
  const key = props.tried ? peselErrorKey(props.value) : null;
  return (
    <DigitField
      name={props.name}
      label={t('booking.pesel')}
      value={props.value}
      max={11}
      onChange={props.onChange}
      onFocus={props.onFocus}
      error={key && t(key)}
    />
  );
}

/**
 * Who books: the ID card in the reader, or PESEL + phone typed on one shared keypad (it types
 * into the field last chosen). Nothing is sent until both are valid; errors name the field.
 */
export function BookingIdentity(props: {
  cardReader: boolean;
  busy: boolean;
  onIdentity: (id: KioskBookingIdentity) => void;
}) {
  const { t } = useTranslation();
  const [pesel, setPesel] = useState('');
  const [phone, setPhone] = useState('');
  const [field, setField] = useState<Field>('pesel');
  const [tried, setTried] = useState(false);
  const phoneErr = tried ? phoneProblem(phone) : null;
  const submit = () => {
    setTried(true);
    if (props.busy || peselProblem(pesel) || phoneProblem(phone)) return;
    props.onIdentity({ by: 'pesel', pesel, phone });
  };
  const digits = (v: string, max: number) => v.replace(/\D/g, '').slice(0, max);
  const value = field === 'pesel' ? pesel : phone;
  const setValue = (v: string) =>
    field === 'pesel' ? setPesel(digits(v, 11)) : setPhone(digits(v, 9));
  return (
    <div className="booking-identity" data-testid="booking-who">
      {props.cardReader && (
        <BigButton
          label={t('booking.byCard')}
          hint={t('booking.byCardHint')}
          disabled={props.busy}
          onClick={() => props.onIdentity({ by: 'card' })}
          testId="booking-card"
        />
      )}
      <KioskForm onSubmit={submit}>
        <h2>{props.cardReader ? t('booking.orPesel') : t('booking.byPesel')}</h2>
        <PeselDigits
          name="pesel"
          value={pesel}
          tried={tried}
          onChange={setPesel}
          onFocus={() => setField('pesel')}
        />
        <DigitField
          name="phone"
          label={t('booking.phone')}
          hint={t('booking.phoneHint')}
          value={phone}
          max={9}
          onChange={setPhone}
          onFocus={() => setField('phone')}
          error={phoneErr ? t(`booking.${phoneErr}`) : null}
        />
        <Keypad
          value={value}
          onChange={setValue}
          onEnter={submit}
          max={field === 'pesel' ? 11 : 9}
          label={field === 'pesel' ? t('booking.pesel') : t('booking.phone')}
        />
        <SubmitButton label={t('booking.book')} disabled={props.busy} testId="booking-submit" />
      </KioskForm>
    </div>
  );
}
