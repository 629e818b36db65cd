const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'];
const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'.split('');

/** On-screen keys for touch entry; `masked` hides digits from the accessible name (PIN). */
export function Keypad(props: {
  value: string;
  onChange: (v: string) => void;
  onEnter: () => void;
  max: number;
  letters?: boolean;
  label: string;
}) {
  const keys = props.letters ? [...LETTERS, '⌫', 'OK'] : DIGITS;
  const press = (k: string) => {
    if (k === '⌫') props.onChange(props.value.slice(0, -1));
    else if (k === 'OK') props.onEnter();
    else if (props.value.length < props.max) props.onChange(props.value + k);
  };
  return (
    <div
      className={props.letters ? 'keypad letters' : 'keypad'}
      role="group"
      aria-label={props.label}
    >
      {keys.map((k) => (
        <button
          key={k}
          type="button"
          className={k === 'OK' ? 'key ok' : 'key'}
          aria-label={k === '⌫' ? 'Backspace' : k}
          onClick={() => press(k)}
        >
          {k}
        </button>
      ))}
    </div>
  );
}
