import type { QueueSettings } from '@skr/protocol/domain';
import type { SettingsConfig } from '@skr/protocol/manager';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveStatus, useSave } from './use-save';
import { Card } from '../card';
import type { EditorProps } from './editor-props';
import { NumberField } from './number-field';

const FIELDS: [keyof SettingsConfig, string][] = [
  ['regularPerPriority', 'config.regularPerPriority'],
  ['maxRecalls', 'config.maxRecalls'],
  ['lateArrivalMinutes', 'config.lateArrival'],
  ['earlyArrivalMinutes', 'config.earlyArrival'],
  ['starvationFactor', 'config.starvation'],
  ['hardWaitMinutes', 'config.hardWait'],
];

/** The priority mixing rule, the recall limit, the late-arrival window and the rest. */
export function SettingsEditor(props: EditorProps & { settings: QueueSettings }) {
  const { t } = useTranslation();
  const { timeZone: _tz, ...initial } = props.settings;
  const [form, setForm] = useState<SettingsConfig>(initial);
  const { save, message } = useSave(props.reload);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(() => props.api.saveSettings(form));
  };
  return (
    <Card id="cfg-settings" title={t('config.settings')}>
      <form className="mgr-form" onSubmit={submit}>
        <fieldset disabled={!props.canEdit}>
          {FIELDS.map(([k, label]) => (
            <NumberField
              key={k}
              label={t(label)}
              step={k === 'starvationFactor' ? 0.1 : 1}
              min={0}
              value={form[k]}
              onValue={(v) => setForm({ ...form, [k]: v })}
            />
          ))}
          <button type="submit">{t('config.save')}</button>
        </fieldset>
      </form>
      <SaveStatus message={message} />
    </Card>
  );
}
