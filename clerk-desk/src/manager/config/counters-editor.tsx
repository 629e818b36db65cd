import type { Counter } from '@skr/protocol/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveStatus, useSave } from './use-save';
import { Card } from '../card';
import type { EditorProps } from './editor-props';

/** "emerytury:3, zasilki:1" → { emerytury: 3, zasilki: 1 }. */
function parseSkills(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [id, w] = part.split(':').map((s) => s.trim());
    if (id) out[id] = Number(w ?? 1) || 1;
  }
  return out;
}
const skillsText = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([k, v]) => `${k}:${v}`)
    .join(', ');

function CounterRow(props: EditorProps & { counter: Counter | null }) {
  const { t } = useTranslation();
  const c = props.counter;
  const [name, setName] = useState(c?.name ?? '');
  // Empty for a new counter: the server then takes the number at the end of the name.
  const [number, setNumber] = useState(c ? String(c.number) : '');
  const [sign, setSign] = useState(c?.label ?? '');
  const [skills, setSkills] = useState(c ? skillsText(c.skills) : '');
  const { save, message } = useSave(props.reload);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const label = sign.trim().toUpperCase();
    void save(() =>
      props.api.saveCounter(c?.id ?? null, {
        name,
        ...(number.trim() ? { number: Number(number) } : {}),
        label: label || null,
        skills: parseSkills(skills),
      }),
    );
  };
  const label = c?.name ?? t('config.newCounter');
  return (
    <form
      className="mgr-row-form"
      onSubmit={submit}
      aria-label={label}
      data-testid={`counter-form-${c?.id ?? 'new'}`}
    >
      <fieldset disabled={!props.canEdit}>
        <label>
          {t('config.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          {t('config.counterNumber')}
          <input
            name="number"
            type="number"
            min={1}
            max={999}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
        <label>
          {t('config.counterLabel')}
          <input
            name="label"
            value={sign}
            maxLength={4}
            pattern="[A-Za-zŁł0-9]{1,4}"
            onChange={(e) => setSign(e.target.value)}
          />
        </label>
        <label className="wide">
          {t('config.skills')}
          <input value={skills} onChange={(e) => setSkills(e.target.value)} />
        </label>
        <button type="submit">{c ? t('config.save') : t('config.add')}</button>
      </fieldset>
      <SaveStatus message={message} />
    </form>
  );
}

/** Counters and their skill weights; a counter's live state stays with its clerk. */
export function CountersEditor(props: EditorProps & { counters: Counter[] }) {
  const { t } = useTranslation();
  return (
    <Card id="cfg-counters" title={t('config.counters')}>
      {props.counters.map((c) => (
        <CounterRow
          key={`${c.id}/${c.name}/${c.number}/${c.label}/${skillsText(c.skills)}`}
          counter={c}
          api={props.api}
          canEdit={props.canEdit}
          reload={props.reload}
        />
      ))}
      {props.canEdit && (
        <CounterRow
          key={`new-${props.counters.length}`}
          counter={null}
          api={props.api}
          canEdit
          reload={props.reload}
        />
      )}
    </Card>
  );
}
