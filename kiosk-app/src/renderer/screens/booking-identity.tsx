import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBookingIdentity } from '@skr/protocol/kiosk-bridge';
import { peselProblem } from '@skr/protocol/pesel';
import { Keypad } from '../keypad';

/** What is wrong with a typed phone number (9 digits, Polish mobile), or null. */
export function phoneProblem(p: string): 'phoneLength' | null {
  return /^\d{9}$/.test(p) ? null : 'phoneLength';
}

type Field = 'pesel' | 'phone';

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
  const peselErr = tried ? peselProblem(pesel) : null;
  const peselKey = peselErr && `pesel${peselErr[0]!.toUpperCase()}${peselErr.slice(1)}`;
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
        <button
          type="button"
          className="big primary"
          disabled={props.busy}
          onClick={() => props.onIdentity({ by: 'card' })}
          data-testid="booking-card"
        >
          <span className="big-label">{t('booking.byCard')}</span>
          <span className="big-hint">{t('booking.byCardHint')}</span>
        </button>
      )}
      <form
        className="code-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2>{props.cardReader ? t('booking.orPesel') : t('booking.byPesel')}</h2>
        <label htmlFor="booking-pesel">{t('booking.pesel')}</label>
        <input
          id="booking-pesel"
          value={pesel}
          onChange={(e) => setPesel(digits(e.target.value, 11))}
          onFocus={() => setField('pesel')}
          inputMode="none"
          autoComplete="off"
          aria-invalid={peselErr ? true : undefined}
          aria-describedby={peselErr ? 'booking-pesel-error' : undefined}
          data-testid="booking-pesel"
        />
        {peselErr && (
          <p id="booking-pesel-error" className="error" role="alert" data-testid="pesel-error">
            {t(`booking.${peselKey}`)}
          </p>
        )}
        <label htmlFor="booking-phone">{t('booking.phone')}</label>
        <input
          id="booking-phone"
          value={phone}
          onChange={(e) => setPhone(digits(e.target.value, 9))}
          onFocus={() => setField('phone')}
          inputMode="none"
          autoComplete="off"
          aria-invalid={phoneErr ? true : undefined}
          aria-describedby={phoneErr ? 'booking-phone-error' : 'booking-phone-hint'}
          data-testid="booking-phone"
        />
        <p id="booking-phone-hint" className="hint">
          {t('booking.phoneHint')}
        </p>
        {phoneErr && (
          <p id="booking-phone-error" className="error" role="alert" data-testid="phone-error">
            {t(`booking.${phoneErr}`)}
          </p>
        )}
        <Keypad
          value={value}
          onChange={setValue}
          onEnter={submit}
          max={field === 'pesel' ? 11 : 9}
          label={field === 'pesel' ? t('booking.pesel') : t('booking.phone')}
        />
        <button
          type="submit"
          className="big primary"
          disabled={props.busy}
          data-testid="booking-submit"
        >
          {t('booking.book')}
        </button>
      </form>
    </div>
  );
}
