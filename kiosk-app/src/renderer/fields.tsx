// Labelled number fields of the urzędomat's forms. Explicit label–control pairs (for + id):
// checkers (HTML_CodeSniffer) do not credit a label that merely wraps its control.
import { useState, type ComponentProps } from 'react';

/** A labelled picker of whole numbers (years, ages); the arrows change it, 4/6 leave it. */
export function NumberSelect(props: {
  id: string;
  label: string;
  value: number;
  options: number[];
  onChange: (v: number) => void;
  testId?: string;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
        data-testid={props.testId ?? props.id}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * A labelled whole number typed on the keypad's digits. Focusing it selects what it holds, so
 * the digits typed replace it; a number outside `min`..`max` is not taken while it is being
 * typed ("6" on the way to "60") and the field shows the last taken one when left.
 */
export function NumberInput(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max?: number;
  onChange: (v: number) => void;
  testId?: string;
}) {
  const [text, setText] = useState(String(props.value));
  const fits = (n: number) => n >= props.min && n <= (props.max ?? Infinity);
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          const digits = e.target.value.replace(/\D/g, '').slice(0, 9);
          setText(digits);
          if (digits && fits(Number(digits))) props.onChange(Number(digits));
        }}
        onBlur={() => setText(String(props.value))}
        data-testid={props.testId ?? props.id}
      />
    </>
  );
}

/** One field of a {@link NumberFieldset}: a picker when it has `options`, else typed digits. */
export type NumberFieldSpec =
  | ComponentProps<typeof NumberSelect>
  | ({ options?: undefined } & ComponentProps<typeof NumberInput>);

/** A row of labelled number fields under a legend (the test id of each is its id). */
export function NumberFieldset(props: {
  legend: string;
  fields: NumberFieldSpec[];
  className?: string;
}) {
  return (
    <fieldset className={props.className}>
      <legend>{props.legend}</legend>
      {props.fields.map((f) =>
        f.options ? <NumberSelect key={f.id} {...f} /> : <NumberInput key={f.id} {...f} />,
      )}
    </fieldset>
  );
}
