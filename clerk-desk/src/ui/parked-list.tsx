import type { Service, Ticket } from '@skr/protocol/domain';
import { useTranslation } from 'react-i18next';

interface Props {
  parked: Ticket[];
  services: Map<string, Service>;
  disabled: boolean;
  onReturn(t: Ticket): void;
}

/** Tickets parked here ("returns with papers"), each with a button to bring it back. */
export function ParkedList({ parked, services, disabled, onReturn }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as 'pl' | 'en' | 'uk';
  return (
    <section className="card parked" aria-labelledby="parked-h" data-testid="parked">
      <h2 id="parked-h">{t('parked.heading')}</h2>
      {parked.length === 0 ? (
        <p className="muted">{t('parked.none')}</p>
      ) : (
        <ul>
          {parked.map((p) => (
            <li key={p.id}>
              <span className="parked-number">{p.number}</span>
              <span className="parked-service">
                {services.get(p.serviceId)?.names[lang] ?? p.serviceId}
              </span>
              <button
                type="button"
                disabled={disabled}
                onClick={() => onReturn(p)}
                aria-label={`${t('actions.return')} ${p.number}`}
              >
                {t('actions.return')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
