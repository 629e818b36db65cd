import type { ServiceConfig } from '@skr/protocol/manager';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveStatus, useSave } from './use-save';
import { Card } from '../card';
import type { EditorProps } from './editor-props';
import { NumberField } from './number-field';
import { TableHead } from '../../ui/table-head';

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
    <Card id="cfg-services" title={t('config.services')}>
      <table className="mgr-table">
        <TableHead
          columns={[
            t('config.prefix'),
            t('config.namePl'),
            t('config.group'),
            t('config.targetWait'),
            t('config.hours'),
            t('config.active'),
          ]}
        />
        <tbody>
          {props.services.map((s) => (
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
        </tbody>
      </table>
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
            <label>
              {t('config.id')}
              <input
                value={editing.id}
                onChange={(e) => set({ id: e.target.value })}
                required
                readOnly={blank !== editing && props.services.some((s) => s.id === editing.id)}
              />
            </label>
            <label>
              {t('config.prefix')}
              <input
                value={editing.prefix}
                maxLength={1}
                onChange={(e) => set({ prefix: e.target.value.toUpperCase() })}
                required
              />
            </label>
            {(['pl', 'en', 'uk'] as const).map((l) => (
              <label key={l}>
                {t(`config.name${l === 'pl' ? 'Pl' : l === 'en' ? 'En' : 'Uk'}`)}
                <input
                  value={editing.names[l]}
                  onChange={(e) => set({ names: { ...editing.names, [l]: e.target.value } })}
                  required
                />
              </label>
            ))}
            <label>
              {t('config.group')}
              <input value={editing.group} onChange={(e) => set({ group: e.target.value })} />
            </label>
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
            <label>
              {t('config.days')}
              <input
                value={hours?.days.join(',') ?? ''}
                placeholder="1,2,3,4,5"
                onChange={(e) => {
                  const days = e.target.value
                    .split(',')
                    .map(Number)
                    .filter((d) => d >= 1 && d <= 7);
                  set({
                    openingHours: e.target.value.trim()
                      ? { days, from: hours?.from ?? '08:00', to: hours?.to ?? '18:00' }
                      : null,
                  });
                }}
              />
            </label>
            {hours && (
              <>
                <label>
                  {t('config.hours')}
                  <input
                    type="time"
                    value={hours.from}
                    onChange={(e) => set({ openingHours: { ...hours, from: e.target.value } })}
                  />
                </label>
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
    </Card>
  );
}
