import type { Counter } from '@skr/protocol/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/text-field';
import type { EditorProps } from './editor-props';
import { rowEditorCard } from './row-editor-card';
import { RowForm } from './row-form';

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

/** What a counter's public sign may be: up to 4 letters or digits (the server checks it too). */
const SIGN_RULE = { maxLength: 4, pattern: '[A-Za-zŁł0-9]{1,4}' };

function CounterRow(props: EditorProps & { item: Counter | null }) {
  const { t } = useTranslation();
  const c = props.item;
  const [name, setName] = useState(c?.name ?? '');
  // Empty for a new counter: the server then takes the number at the end of the name.
  const [number, setNumber] = useState(c ? String(c.number) : '');
  const [sign, setSign] = useState(c?.label ?? '');
  const [skills, setSkills] = useState(c ? skillsText(c.skills) : '');
  return (
    <RowForm
      editor={props}
      save={() =>
        props.api.saveCounter(c?.id ?? null, {
          name,
          ...(number.trim() ? { number: Number(number) } : {}),
          label: sign.trim().toUpperCase() || null,
          skills: parseSkills(skills),
        })
      }
      label={c?.name ?? t('config.newCounter')}
      testId={`counter-form-${c?.id ?? 'new'}`}
      isNew={c === null}
    >
      <TextField label={t('config.name')} value={name} onValue={setName} required />
      <TextField
        label={t('config.counterNumber')}
        name="number"
        type="number"
        min={1}
        max={999}
        value={number}
        onValue={setNumber}
      />
      <TextField
        label={t('config.counterLabel')}
        name="label"
        value={sign}
        {...SIGN_RULE}
        onValue={setSign}
      />
      <TextField
        label={t('config.skills')}
        labelClassName="wide"
        value={skills}
        onValue={setSkills}
      />
    </RowForm>
  );
}

/** Counters and their skill weights; a counter's live state stays with its clerk. */
export const CountersEditor = rowEditorCard<Counter>(
  'counters',
  CounterRow,
  (c) => `${c.id}/${c.name}/${c.number}/${c.label}/${skillsText(c.skills)}`,
);
