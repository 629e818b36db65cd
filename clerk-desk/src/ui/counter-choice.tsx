import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskApi } from '../api/api-client';
import type { LiveQueue } from '../live/use-queue';
import type { CounterView } from '../live/queue-state';
import { CounterSign } from './counter-sign';
import { errorText } from './error-text';

interface Props {
  api: DeskApi;
  live: LiveQueue;
  username: string;
  onChosen(counterId: number): void;
}

/** The grid of counters; a closed one is opened for the clerk, their own is re-entered. */
export function CounterChoice({ api, live, username, onChosen }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const snap = live.snapshot;
  if (!snap)
    return (
      <p className="card loading" role="status">
        {t('link.connecting')}
      </p>
    );
  const prefixes = (c: CounterView) =>
    Object.keys(c.skills)
      .map((id) => live.services.get(id)?.prefix ?? id)
      .sort()
      .join(' ');

  async function choose(c: CounterView) {
    setError(null);
    if (c.state !== 'closed') return onChosen(c.id);
    setBusy(c.id);
    try {
      live.connection?.applyLocal({ counter: await api.open(c.id) });
      onChosen(c.id);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="choice" aria-labelledby="choice-h">
      <h2 id="choice-h">{t('choice.heading')}</h2>
      <p className="hint">{t('choice.hint')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="counter-grid">
        {snap.counters.map((c) => {
          const mine = c.clerk === username;
          const taken = c.state !== 'closed' && !mine;
          return (
            <li key={c.id}>
              <button
                type="button"
                className={`counter-tile state-${c.state}${mine ? ' mine' : ''}`}
                disabled={taken || busy !== null || live.status !== 'online'}
                onClick={() => void choose(c)}
              >
                <span className="tile-name">{c.name}</span>
                <CounterSign counter={c} />
                <span className="tile-state">
                  {t(`counterState.${c.state}`)}
                  {taken && c.clerk ? ` · ${t('choice.taken', { clerk: c.clerk })}` : ''}
                  {mine ? ` · ${t('choice.yours')}` : ''}
                </span>
                <span className="tile-skills">
                  {t('choice.serves')}: {prefixes(c)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
