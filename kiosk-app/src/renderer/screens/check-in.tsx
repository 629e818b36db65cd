import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Screen } from '../ui';
import { Keypad } from '../keypad';

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
  // A QR may carry a URL ending in the code; keep the letters and digits of the last part.
  const clean = (v: string) =>
    (v.split(/[/=]/).pop() ?? '')
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 12);
  const submit = () => code.length >= 6 && !props.busy && props.onCode(code);
  return (
    <Screen title={t('checkIn.title')} onBack={props.onBack} testId="check-in">
      <ErrorBox error={props.error} />
      <form
        className="code-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor="booking-code">{t('checkIn.codeLabel')}</label>
        <input
          id="booking-code"
          ref={input}
          value={code}
          onChange={(e) => setCode(clean(e.target.value))}
          autoComplete="off"
          spellCheck={false}
          inputMode="none"
          aria-describedby="code-hint"
          data-testid="booking-code"
          data-autofocus
        />
        <p id="code-hint" className="hint">
          {t('checkIn.codeHint')}
        </p>
        <Keypad
          value={code}
          onChange={setCode}
          onEnter={submit}
          max={12}
          letters
          label={t('checkIn.codeLabel')}
        />
        <button
          type="submit"
          className="big primary"
          disabled={code.length < 6 || props.busy}
          data-testid="confirm-code"
        >
          {t('checkIn.confirm')}
        </button>
      </form>
      {props.cardReader && (
        <button
          type="button"
          className="big secondary"
          onClick={props.onCard}
          disabled={props.busy}
          data-testid="check-in-card"
        >
          <span className="big-label">{t('checkIn.card')}</span>
          <span className="big-hint">{t('checkIn.cardHint')}</span>
        </button>
      )}
    </Screen>
  );
}
