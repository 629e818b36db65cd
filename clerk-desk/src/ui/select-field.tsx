/** Props of {@link SelectField}. */
interface SelectFieldProps<T extends string | number> {
  label: string;
  value: T;
  /** Each option as `[value, text]`, in order (an empty first option is `['', '—']`). */
  options: readonly (readonly [T, string])[];
  /** Called with the option picked (its value as given, so numbers stay numbers). */
  onValue: (value: T) => void;
  name?: string;
  disabled?: boolean;
  testId?: string;
}

/** A labelled drop-down of a form: the label names the select for screen readers. */
export function SelectField<T extends string | number>(props: SelectFieldProps<T>) {
  return (
    <label>
      {props.label}
      <select
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => {
          // The DOM gives a string; hand back the option's own value, typed as given.
          const picked = props.options.find(([v]) => String(v) === e.target.value);
          if (picked) props.onValue(picked[0]);
        }}
      >
        {props.options.map(([value, text]) => (
          <option key={String(value)} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** `[value, text]` options of `values`, each text from `text` (e.g. a translation key). */
export function optionsOf<T extends string>(
  values: readonly T[],
  text: (value: T) => string,
): (readonly [T, string])[] {
  return values.map((v) => [v, text(v)] as const);
}
