import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@skr/protocol/domain';
import { isSkrError } from '@skr/protocol/errors';
import type { NotifyChannel } from '@skr/protocol/notify';
import { api } from '../api';
import { Keypad } from '../keypad';
import { KioskForm, SubmitButton, TextField } from '../form-parts';
import { BigButton, ErrorBox, ErrorText, Screen, Toggle } from '../ui';
import { useAction } from '../use-action';

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
 * long it is kept; the address is never shown again nor read back. Only the channels the branch
 * can send by are offered (the ticket screen offers none of this when it has none).
 */
export function TicketContact(props: {
  ticketId: string;
  lang: Lang;
  channels: readonly NotifyChannel[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const offered = (['sms', 'email'] as const).filter((c) => props.channels.includes(c));
  const [channel, setChannel] = useState<NotifyChannel>(offered[0] ?? 'sms');
  const [value, setValue] = useState('');
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);
  const ok = valid[channel](value);
  async function save() {
    setTried(true);
    if (!ok || busy) return;
    await run(async () => {
      await api.call('putTicketContact', {
        params: { id: props.ticketId },
        body: { channel, address: value, lang: props.lang },
      });
      setSaved(true);
      setValue(''); // the address leaves the screen's memory once the branch has it
    });
  }
  const off = isSkrError(error, 'UNAVAILABLE');
  return (
    <Screen title={t('contact.title')} onBack={props.onDone} testId="ticket-contact">
      {saved ? (
        <p className="status ok" role="status" data-testid="contact-saved">
          {t(channel === 'sms' ? 'contact.savedSms' : 'contact.savedEmail')}
        </p>
      ) : (
        <KioskForm onSubmit={() => void save()}>
          <p className="hint" data-testid="contact-consent">
            {t('contact.consent')}
          </p>
          <div className="tabs" role="group" aria-label={t('contact.how')}>
            {offered.map((c) => (
              <Toggle
                key={c}
                pressed={channel === c}
                onClick={() => {
                  setChannel(c);
                  setValue('');
                  setTried(false);
                }}
                testId={`contact-${c}`}
              >
                {t(`contact.${c}`)}
              </Toggle>
            ))}
          </div>
          <TextField
            id="contact-address"
            label={channel === 'sms' ? t('contact.phone') : t('contact.emailAddress')}
            error={tried && !ok && t(channel === 'sms' ? 'contact.badPhone' : 'contact.badEmail')}
            value={value}
            onChange={(e) =>
              setValue(
                channel === 'sms'
                  ? e.target.value.replace(/\D/g, '').slice(0, 9)
                  : e.target.value.trim(),
              )
            }
            inputMode="none"
            spellCheck={false}
          />
          {off ? (
            <ErrorText code="UNAVAILABLE" testId="contact-off">
              {t('contact.off')}
            </ErrorText>
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
          <SubmitButton label={t('contact.save')} disabled={busy} testId="contact-save" />
        </KioskForm>
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
