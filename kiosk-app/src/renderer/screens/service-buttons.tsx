import type { Lang, Service } from '@skr/protocol/domain';
import { BigButton } from '../ui';

/** The services as big buttons in the client's language (ticket menu and booking). */
export function ServiceButtons(props: {
  services: Service[] | null;
  lang: Lang;
  disabled?: boolean;
  /** Test id of each button: the prefix and the service id. */
  testIdPrefix: string;
  onPick: (s: Service) => void;
}) {
  return (
    <div className="grid-2">
      {props.services?.map((s) => (
        <BigButton
          key={s.id}
          label={s.names[props.lang]}
          hint={s.descriptions?.[props.lang]}
          disabled={props.disabled}
          onClick={() => props.onPick(s)}
          testId={`${props.testIdPrefix}${s.id}`}
        />
      ))}
    </div>
  );
}
