import { useTranslation } from 'react-i18next';
import { shortcutLabel, type DeskCommand } from '../keyboard/shortcuts';

interface Props {
  /** Which commands may be used now. */
  enabled: Record<DeskCommand, boolean>;
  busy: boolean;
  onCommand(c: DeskCommand): void;
}

const labelKey: Record<DeskCommand, string> = {
  'call-next': 'actions.callNext',
  recall: 'actions.recall',
  start: 'actions.start',
  finish: 'actions.finish',
  'no-show': 'actions.noShow',
  park: 'actions.park',
  transfer: 'actions.transfer',
  pause: 'actions.pause',
};

const ticketCommands: DeskCommand[] = ['recall', 'start', 'finish', 'no-show', 'park', 'transfer'];

/** One action button with its keyboard shortcut on it. */
function ActionButton({
  command,
  label,
  disabled,
  className,
  onCommand,
}: {
  command: DeskCommand;
  label: string;
  disabled: boolean;
  className?: string;
  onCommand(c: DeskCommand): void;
}) {
  const key = shortcutLabel[command];
  const aria = command === 'call-next' ? 'F2 Space' : key;
  return (
    <button
      type="button"
      className={`action action-${command} ${className ?? ''}`}
      disabled={disabled}
      aria-keyshortcuts={aria}
      data-testid={`do-${command}`}
      onClick={() => onCommand(command)}
    >
      <span className="action-label">{label}</span>
      <kbd>{command === 'call-next' ? 'F2 / ␣' : key}</kbd>
    </button>
  );
}

/** The big "call next" action and the actions on the ticket in hand. */
export function ActionBar({ enabled, busy, onCommand }: Props) {
  const { t } = useTranslation();
  return (
    <div className="actions" role="group" aria-label={t('actions.shortcuts')}>
      <ActionButton
        command="call-next"
        label={t(labelKey['call-next'])}
        disabled={busy || !enabled['call-next']}
        className="primary call-next"
        onCommand={onCommand}
      />
      <div className="ticket-actions">
        {ticketCommands.map((c) => (
          <ActionButton
            key={c}
            command={c}
            label={t(labelKey[c])}
            disabled={busy || !enabled[c]}
            className={c === 'finish' || c === 'start' ? 'strong' : undefined}
            onCommand={onCommand}
          />
        ))}
      </div>
    </div>
  );
}
