import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '@skr/protocol/calendar';
import type { Lang, Service } from '@skr/protocol/domain';
import { peselProblem } from '@skr/protocol/pesel';
import type { DeskApi } from '../api/api-client';
import { bookingErrorText } from './booking-error-text';
import { SlotSelects, useFreeSlots } from './free-slots';
import { PeselField } from './pesel-field';
import { Modal } from './modal';
import { RadioOption } from './radio-option';
import { SelectField } from './select-field';
import { VisitDone } from './visit-done';

type ContactChoice = 'none' | 'sms' | 'email';
const contactOk: Record<ContactChoice, (v: string) => boolean> = {
  none: () => true,
  sms: (v) => /^(\+?48)?\d{9}$/.test(v.replace(/[\s-]/g, '')),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()),
};

/** What the desk shows once the visit is booked: the code and whether a confirmation went out. */
interface Booked {
  visit: VisitSummary;
  sent: ContactChoice | 'off';
}

/**
 * "Umów kolejną wizytę": a follow-up visit for the client at the counter ("come back with the
 * papers on Tuesday at 10:00"). Service (the ticket's by default), a day of the next 30 with free
 * places, an hour, the client's PESEL (checked fully before sending) and optionally a phone or
 * e-mail for the confirmation and the reminder. The desk shows the code and prints the slip
 * (code, day, hour, service, check-in QR) on the office printer (visit-slip.tsx).
 */
export function FollowUpDialog(props: {
  api: DeskApi;
  services: Service[];
  serviceId?: string;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language in { pl: 1, en: 1, uk: 1 } ? i18n.language : 'pl') as Lang;
  const [serviceId, setServiceId] = useState(props.serviceId ?? props.services[0]?.id ?? '');
  const [pesel, setPesel] = useState('');
  const [contact, setContact] = useState<ContactChoice>('none');
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [booked, setBooked] = useState<Booked | null>(null);

  const slots = useFreeSlots(props.api, serviceId, (e) => setError(bookingErrorText(t, e)));
  const { start } = slots;
  const ready =
    !busy && start !== '' && peselProblem(pesel) === null && contactOk[contact](address);

  async function book() {
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const visit = await props.api.book({ serviceId, start, pesel });
      let sent: Booked['sent'] = contact;
      if (contact !== 'none') {
        // The visit stands even if the branch cannot send: the clerk tells the code instead.
        await props.api
          .bookingContact(visit.code, { channel: contact, address: address.trim(), lang })
          .catch(() => (sent = 'off'));
      }
      setPesel('');
      setAddress('');
      setBooked({ visit, sent });
    } catch (e) {
      setError(bookingErrorText(t, e));
      // The hour may have gone meanwhile: offer the day's hours as they are now.
      await slots.refresh();
    } finally {
      setBusy(false);
    }
  }

  const serviceNameOf = (id: string) => props.services.find((s) => s.id === id)?.names[lang] ?? id;
  if (booked)
    return (
      <VisitDone
        title={t('followUp.booked')}
        visit={booked.visit}
        serviceName={serviceNameOf(booked.visit.serviceId)}
        fresh
        lang={lang}
        testIds={['follow-up-code', 'follow-up-when', 'follow-up-sent', 'follow-up-print']}
        onClose={props.onClose}
      >
        {t(`followUp.sent.${booked.sent}`)}
      </VisitDone>
    );

  return (
    <Modal
      title={t('followUp.heading')}
      onConfirm={() => void book()}
      onCancel={props.onClose}
      confirmDisabled={!ready}
    >
      <SelectField
        label={t('followUp.service')}
        value={serviceId}
        options={props.services.map((s) => [s.id, s.names[lang]] as const)}
        onValue={setServiceId}
        testId="follow-up-service"
      />
      <SlotSelects slots={slots} lang={lang} testId="follow-up" />
      <PeselField value={pesel} onChange={setPesel} testId="follow-up-pesel" />
      <fieldset>
        <legend>{t('followUp.confirmation')}</legend>
        {(['none', 'sms', 'email'] as const).map((c) => (
          <RadioOption key={c} name="contact" value={c} selected={contact} onSelect={setContact}>
            {t(`followUp.contact.${c}`)}
          </RadioOption>
        ))}
        {contact !== 'none' && (
          <input
            aria-label={t(`followUp.contact.${contact}`)}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            inputMode={contact === 'sms' ? 'tel' : 'email'}
            autoComplete="off"
            data-testid="follow-up-address"
          />
        )}
        <p className="hint">{t('followUp.consent')}</p>
      </fieldset>
      {error && (
        <p className="error" role="alert" data-testid="follow-up-error">
          {error}
        </p>
      )}
    </Modal>
  );
}
