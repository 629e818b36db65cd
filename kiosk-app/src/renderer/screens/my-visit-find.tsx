import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peselProblem } from '@skr/protocol/pesel';
import { KioskForm, SubmitButton, TextField } from '../form-parts';
import { Keypad } from '../keypad';
import { PeselDigits } from './booking-identity';

type Field = 'code' | 'pesel';

/** The letters and digits of a typed or scanned code (a QR may carry a URL ending in it). */
export function cleanCode(v: string): string {
  return (v.split(/[/=]/).pop() ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 12);
}

/**
 * "Moja wizyta", first step: the booking code (typed, or the slip's QR read by the scanner into
 * the focused field, Enter moving on to the PESEL) and the client's PESEL, on one keypad that
 * types into the field last chosen. Nothing is sent until both look right.
 */
export function MyVisitFind(props: {
  busy: boolean;
  onFind: (code: string, pesel: string) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [pesel, setPesel] = useState('');
  const [field, setField] = useState<Field>('code');
  const [tried, setTried] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => codeInput.current?.focus(), []);
  const codeErr = tried && code.length < 6;
  const submit = () => {
    // A scanner ends the code with Enter: the PESEL comes next, not an error.
    if (field === 'code' && code.length >= 6 && pesel === '') {
      setField('pesel');
      document.getElementById('booking-visit-pesel')?.focus();
      return;
    }
    setTried(true);
    if (props.busy || code.length < 6 || peselProblem(pesel)) return;
    props.onFind(code, pesel);
  };
  return (
    <KioskForm onSubmit={submit} testId="my-visit-form">
      <TextField
        id="my-visit-code"
        label={t('myVisit.codeLabel')}
        hint={t('myVisit.codeHint')}
        error={codeErr && t('myVisit.codeShort')}
        ref={codeInput}
        value={code}
        onChange={(e) => setCode(cleanCode(e.target.value))}
        onFocus={() => setField('code')}
        spellCheck={false}
        inputMode="none"
        data-autofocus
      />
      <PeselDigits
        name="visit-pesel"
        value={pesel}
        tried={tried}
        onChange={setPesel}
        onFocus={() => setField('pesel')}
      />
      <Keypad
        value={field === 'code' ? code : pesel}
        onChange={(v) =>
          field === 'code' ? setCode(cleanCode(v)) : setPesel(v.replace(/\D/g, '').slice(0, 11))
        }
        onEnter={submit}
        max={field === 'code' ? 12 : 11}
        letters={field === 'code'}
        label={field === 'code' ? t('myVisit.codeLabel') : t('booking.pesel')}
      />
      <SubmitButton label={t('myVisit.find')} disabled={props.busy} testId="my-visit-submit" />
    </KioskForm>
  );
}
