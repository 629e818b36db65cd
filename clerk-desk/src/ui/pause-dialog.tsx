import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './modal';

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
          <label className="radio" key={p}>
            <input
              type="radio"
              name="reason"
              value={p}
              checked={choice === p}
              onChange={() => setChoice(p)}
            />
            {t(`pause.reasons.${p}`)}
          </label>
        ))}
        <label className="radio">
          <input
            type="radio"
            name="reason"
            value="other"
            checked={choice === 'other'}
            onChange={() => setChoice('other')}
          />
          {t('pause.other')}
        </label>
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
