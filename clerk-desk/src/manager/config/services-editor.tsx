import type { ServiceConfig } from '@skr/protocol/manager';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveStatus, useSave } from './use-save';
import { TableCard } from '../table-card';
import type { EditorProps } from './editor-props';
import { NumberField } from './number-field';
import { TextField } from '../../ui/text-field';

const COLUMNS = ['prefix', 'namePl', 'group', 'targetWait', 'hours', 'active'] as const;

const blank: ServiceConfig = {
  id: '',
  prefix: '',
  names: { pl: '', en: '', uk: '' },
  group: 'ogolne',
  order: 1,
  targetWaitMinutes: 15,
  active: true,
  openingHours: null,
};

/** Services: names in three languages, prefix, target, kiosk group and order, opening hours. */
export function ServicesEditor(props: EditorProps & { services: ServiceConfig[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<ServiceConfig | null>(null);
  const { save, message } = useSave(props.reload);
  const set = (patch: Partial<ServiceConfig>) => setEditing((e) => (e ? { ...e, ...patch } : e));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (editing && (await save(() => props.api.saveService(editing)))) setEditing(null);
  };
  const hours = editing?.openingHours;
  return (
    <TableCard
      id="cfg-services"
      title={t('config.services')}
      columns={COLUMNS.map((c) => t(`config.${c}`))}
      rows={props.services.map((s) => (
        <tr key={s.id}>
          <td>{s.prefix}</td>
          <th scope="row">
            <button
              className="link"
              onClick={() => setEditing(s)}
              aria-label={`${s.names.pl} (${s.id})`}
            >
              {s.names.pl}
            </button>
          </th>
          <td>
            {s.group} · {s.order}
          </td>
          <td>{s.targetWaitMinutes}</td>
          <td>{s.openingHours ? `${s.openingHours.from}–${s.openingHours.to}` : '—'}</td>
          <td>{s.active ? '✓' : '—'}</td>
        </tr>
      ))}
    >
      {props.canEdit && (
        <button onClick={() => setEditing(blank)}>
          {t('config.add')}: {t('config.newService')}
        </button>
      )}
      {editing && (
        <form
          className="mgr-form"
          onSubmit={submit}
          aria-label={editing.id || t('config.newService')}
        >
          <fieldset disabled={!props.canEdit}>
            <TextField
              label={t('config.id')}
              value={editing.id}
              onValue={(id) => set({ id })}
              required
              readOnly={blank !== editing && props.services.some((s) => s.id === editing.id)}
            />
            <TextField
              label={t('config.prefix')}
              value={editing.prefix}
              maxLength={1}
              onValue={(v) => set({ prefix: v.toUpperCase() })}
              required
            />
            {(['pl', 'en', 'uk'] as const).map((l) => (
              <TextField
                key={l}
                label={t(`config.name${l === 'pl' ? 'Pl' : l === 'en' ? 'En' : 'Uk'}`)}
                value={editing.names[l]}
                onValue={(v) => set({ names: { ...editing.names, [l]: v } })}
                required
              />
            ))}
            <TextField
              label={t('config.group')}
              value={editing.group}
              onValue={(group) => set({ group })}
            />
            <NumberField
              label={t('config.order')}
              value={editing.order}
              onValue={(order) => set({ order })}
            />
            <NumberField
              label={t('config.targetWait')}
              min={1}
              value={editing.targetWaitMinutes}
              onValue={(targetWaitMinutes) => set({ targetWaitMinutes })}
            />
            <TextField
              label={t('config.days')}
              value={hours?.days.join(',') ?? ''}
              placeholder="1,2,3,4,5"
              onValue={(v) => {
                const days = v
                  .split(',')
                  .map(Number)
                  .filter((d) => d >= 1 && d <= 7);
                set({
                  openingHours: v.trim()
                    ? { days, from: hours?.from ?? '08:00', to: hours?.to ?? '18:00' }
                    : null,
                });
              }}
            />
            {hours && (
              <>
                <TextField
                  label={t('config.hours')}
                  type="time"
                  value={hours.from}
                  onValue={(from) => set({ openingHours: { ...hours, from } })}
                />
                <input
                  type="time"
                  aria-label={t('config.hours')}
                  value={hours.to}
                  onChange={(e) => set({ openingHours: { ...hours, to: e.target.value } })}
                />
              </>
            )}
            <label className="check">
              <input
                type="checkbox"
                checked={editing.active}
                onChange={(e) => set({ active: e.target.checked })}
              />
              {t('config.active')}
            </label>
            <button type="submit">{t('config.save')}</button>
          </fieldset>
        </form>
      )}
      <SaveStatus message={message} />
    </TableCard>
  );
}
