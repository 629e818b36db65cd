import type { Service, Ticket } from '@skr/protocol/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferTarget } from '../api/api-client';
import type { CounterView } from '../live/queue-state';
import { deskCounterSign } from './counter-sign';
import { Modal } from './modal';
import { RadioGroup } from './radio-option';
import { SelectField } from './select-field';

interface Props {
  ticket: Ticket;
  services: Service[];
  /** Counters that serve the ticket's service (the server refuses others). */
  counters: CounterView[];
  onConfirm(target: TransferTarget): void;
  onCancel(): void;
}

/** Sends the client to another service or another counter, at the front or the end. */
export function TransferDialog({ ticket, services, counters, onConfirm, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as 'pl' | 'en' | 'uk';
  const [kind, setKind] = useState<'service' | 'counter'>('service');
  const others = services.filter((s) => s.id !== ticket.serviceId);
  const [serviceId, setServiceId] = useState(others[0]?.id ?? ticket.serviceId);
  const [counterId, setCounterId] = useState(counters[0]?.id ?? 0);
  const [position, setPosition] = useState<'front' | 'end'>('end');
  const confirm = () =>
    onConfirm(kind === 'service' ? { serviceId, position } : { counterId, position });
  return (
    <Modal
      title={t('transfer.heading', { number: ticket.number })}
      onConfirm={confirm}
      onCancel={onCancel}
      confirmDisabled={kind === 'counter' && counters.length === 0}
    >
      <RadioGroup
        legend={t('transfer.kind')}
        name="kind"
        options={[
          ['service', t('transfer.toService')],
          ['counter', t('transfer.toCounter')],
        ]}
        selected={kind}
        onSelect={setKind}
      />
      {kind === 'service' ? (
        <SelectField
          label={t('transfer.service')}
          name="service"
          value={serviceId}
          options={services.map((s) => [s.id, `${s.prefix} · ${s.names[lang]}`] as const)}
          onValue={setServiceId}
        />
      ) : (
        <SelectField
          label={t('transfer.counter')}
          name="counter"
          value={counterId}
          options={counters.map(
            (c) =>
              [
                c.id,
                `${deskCounterSign(t, c)} · ${c.name} (${t(`counterState.${c.state}`)})`,
              ] as const,
          )}
          onValue={setCounterId}
        />
      )}
      <RadioGroup
        legend={t('transfer.position')}
        name="position"
        options={[
          ['front', t('transfer.front')],
          ['end', t('transfer.end')],
        ]}
        selected={position}
        onSelect={setPosition}
      />
    </Modal>
  );
}
