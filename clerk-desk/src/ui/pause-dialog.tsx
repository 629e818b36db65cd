import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './modal';
import { RadioOption } from './radio-option';

const presets = ['break', 'duty', 'consult', 'technical'] as const;

/** Asks for the reason of a break (a preset or the clerk's own words). */
export function PauseDialog({
  onConfirm,
  onCancel,
}: {
  onConfirm(reason: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<(typeof presets)[number] | 'other'>('break');
  const [other, setOther] = useState('');
  const reason = choice === 'other' ? other.trim() : t(`pause.reasons.${choice}`);
  return (
    <Modal
      title={t('pause.heading')}
      onConfirm={() => onConfirm(reason)}
      onCancel={onCancel}
      confirmDisabled={reason.length === 0}
    >
      <fieldset>
        <legend>{t('pause.reason')}</legend>
        {presets.map((p) => (
          <RadioOption key={p} name="reason" value={p} selected={choice} onSelect={setChoice}>
            {t(`pause.reasons.${p}`)}
          </RadioOption>
        ))}
        <RadioOption name="reason" value="other" selected={choice} onSelect={setChoice}>
          {t('pause.other')}
        </RadioOption>
        {choice === 'other' && (
          <input
            name="other-reason"
            aria-label={t('pause.other')}
            maxLength={120}
            autoFocus
            value={other}
            onChange={(e) => setOther(e.target.value)}
          />
        )}
      </fieldset>
    </Modal>
  );
}
