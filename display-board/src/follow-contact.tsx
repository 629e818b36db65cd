import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createClient } from '@skr/protocol/client';
import type { Lang } from '@skr/protocol/domain';
import { isSkrError } from '@skr/protocol/errors';
import { branchApi } from '@skr/protocol/routes';

type Channel = 'sms' | 'email';
type Outcome = 'saved' | 'withdrawn' | 'off' | 'invalid' | 'failed' | null;

const looksValid: Record<Channel, (v: string) => boolean> = {
  sms: (v) => /^(\+?48)?\d{9}$/.test(v.replace(/[\s-]/g, '')),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()),
};

/**
 * "Powiadom mnie" on the follow page (issue 15): leave a phone or e-mail for this ticket to hear
 * when the turn is near and when called, or withdraw it (also one left at the kiosk). The
 * ticket id in the address is the capability; the address is never shown back nor kept here.
 */
export function FollowContact({ id, lang }: { id: string; lang: Lang }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel>('sms');
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const client = createClient(branchApi, { baseUrl: window.location.origin });

  async function run(call: () => Promise<unknown>, ok: Outcome) {
    setBusy(true);
    setOutcome(null);
    try {
      await call();
      setAddress('');
      setOutcome(ok);
    } catch (e) {
      const code = isSkrError(e) ? e.code : 'INTERNAL';
      setOutcome(code === 'UNAVAILABLE' ? 'off' : code === 'INVALID' ? 'invalid' : 'failed');
    } finally {
      setBusy(false);
    }
  }
  const save = () =>
    looksValid[channel](address)
      ? run(
          () =>
            client.call('putTicketContact', {
              params: { id },
              body: { channel, address: address.trim(), lang },
            }),
          'saved',
        )
      : setOutcome('invalid');
  const withdraw = () =>
    run(() => client.call('deleteTicketContact', { params: { id }, query: {} }), 'withdrawn');

  return (
    <section className="contact" aria-labelledby="contact-h" data-testid="follow-contact">
      <h2 id="contact-h">{t('followContact.title')}</h2>
      <p className="consent" data-testid="follow-consent">
        {t('followContact.consent')}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('followContact.how')}</legend>
          {(['sms', 'email'] as const).map((c) => (
            <label key={c} className="radio">
              <input
                type="radio"
                name="channel"
                value={c}
                checked={channel === c}
                onChange={() => {
                  setChannel(c);
                  setAddress('');
                }}
              />
              {t(`followContact.${c}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          {channel === 'sms' ? t('followContact.phone') : t('followContact.emailAddress')}
          <input
            type={channel === 'sms' ? 'tel' : 'email'}
            autoComplete={channel === 'sms' ? 'tel' : 'email'}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            data-testid="follow-contact-address"
          />
        </label>
        <button type="submit" disabled={busy} data-testid="follow-contact-save">
          {t('followContact.save')}
        </button>
      </form>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void withdraw()}
        data-testid="follow-contact-withdraw"
      >
        {t('followContact.withdraw')}
      </button>
      {outcome && (
        <p
          className={outcome === 'saved' || outcome === 'withdrawn' ? 'note ok' : 'note warn'}
          role={outcome === 'saved' || outcome === 'withdrawn' ? 'status' : 'alert'}
          data-testid="follow-contact-outcome"
          data-outcome={outcome}
        >
          {t(`followContact.outcome.${outcome}`)}
        </p>
      )}
    </section>
  );
}
