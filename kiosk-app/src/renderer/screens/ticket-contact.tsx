import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@skr/protocol/domain';
import { isSkrError } from '@skr/protocol/errors';
import type { NotifyChannel } from '@skr/protocol/notify';
import { api } from '../api';
import { Keypad } from '../keypad';
import { BigButton, ErrorBox, Screen } from '../ui';

// E-mail needs more than the digit and code keypads: lower-case letters, digits and the
// characters of an address. A kiosk has no physical keyboard.
const EMAIL_KEYS = [...'abcdefghijklmnopqrstuvwxyz0123456789', '@', '.', '-', '_'];

function EmailKeys(props: { value: string; onChange: (v: string) => void; label: string }) {
  return (
    <div className="keypad letters" role="group" aria-label={props.label}>
      {EMAIL_KEYS.map((k) => (
        <button
          key={k}
          type="button"
          className="key"
          onClick={() => props.value.length < 254 && props.onChange(props.value + k)}
        >
          {k}
        </button>
      ))}
      <button
        type="button"
        className="key"
        aria-label="Backspace"
        onClick={() => props.onChange(props.value.slice(0, -1))}
      >
        ⌫
      </button>
    </div>
  );
}

const valid: Record<NotifyChannel, (v: string) => boolean> = {
  sms: (v) => /^\d{9}$/.test(v),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) && v.length <= 254,
};

/**
 * "Powiadom mnie SMS-em / e-mailem" after a ticket or check-in: an optional phone or e-mail for
 * this ticket only, to hear when the turn is near and when called. The consent text says how
 * long it is kept; the address is never shown again nor read back.
 */
export function TicketContact(props: { ticketId: string; lang: Lang; onDone: () => void }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<NotifyChannel>('sms');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const ok = valid[channel](value);
  async function save() {
    setTried(true);
    if (!ok || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('putTicketContact', {
        params: { id: props.ticketId },
        body: { channel, address: value, lang: props.lang },
      });
      setSaved(true);
      setValue(''); // the address leaves the screen's memory once the branch has it
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const off = isSkrError(error, 'UNAVAILABLE');
  return (
    <Screen title={t('contact.title')} onBack={props.onDone} testId="ticket-contact">
      {saved ? (
        <p className="status ok" role="status" data-testid="contact-saved">
          {t(channel === 'sms' ? 'contact.savedSms' : 'contact.savedEmail')}
        </p>
      ) : (
        <form
          className="code-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p className="hint" data-testid="contact-consent">
            {t('contact.consent')}
          </p>
          <div className="tabs" role="group" aria-label={t('contact.how')}>
            {(['sms', 'email'] as const).map((c) => (
              <button
                key={c}
                type="button"
                className="small"
                aria-pressed={channel === c}
                onClick={() => {
                  setChannel(c);
                  setValue('');
                  setTried(false);
                }}
                data-testid={`contact-${c}`}
              >
                {t(`contact.${c}`)}
              </button>
            ))}
          </div>
          <label htmlFor="contact-address">
            {channel === 'sms' ? t('contact.phone') : t('contact.emailAddress')}
          </label>
          <input
            id="contact-address"
            value={value}
            onChange={(e) =>
              setValue(
                channel === 'sms'
                  ? e.target.value.replace(/\D/g, '').slice(0, 9)
                  : e.target.value.trim(),
              )
            }
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={tried && !ok ? true : undefined}
            aria-describedby={tried && !ok ? 'contact-error' : undefined}
            data-testid="contact-address"
          />
          {tried && !ok && (
            <p id="contact-error" className="error" role="alert">
              {t(channel === 'sms' ? 'contact.badPhone' : 'contact.badEmail')}
            </p>
          )}
          {off ? (
            <p className="error" role="alert" data-code="UNAVAILABLE" data-testid="contact-off">
              {t('contact.off')}
            </p>
          ) : (
            <ErrorBox error={error} />
          )}
          {channel === 'sms' ? (
            <Keypad
              value={value}
              onChange={setValue}
              onEnter={() => void save()}
              max={9}
              label={t('contact.phone')}
            />
          ) : (
            <EmailKeys value={value} onChange={setValue} label={t('contact.emailAddress')} />
          )}
          <button type="submit" className="big primary" disabled={busy} data-testid="contact-save">
            {t('contact.save')}
          </button>
        </form>
      )}
      <BigButton
        label={t('ticket.done')}
        onClick={props.onDone}
        testId="contact-done"
        variant="secondary"
      />
    </Screen>
  );
}
