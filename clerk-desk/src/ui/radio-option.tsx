import type { ReactNode } from 'react';

/** One labelled radio button of a group (the whole label is the click target). */
export function RadioOption<T extends string>(props: {
  name: string;
  value: T;
  selected: T | null;
  onSelect: (value: T) => void;
  children: ReactNode;
}) {
  return (
    <label className="radio">
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.selected === props.value}
        onChange={() => props.onSelect(props.value)}
      />
      {props.children}
    </label>
  );
}

/** A fieldset of radio options under `legend`, one per `[value, label]` of `options`. */
export function RadioGroup<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly (readonly [T, ReactNode])[];
  selected: T | null;
  onSelect: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <RadioOption
          key={value}
          name={props.name}
          value={value}
          selected={props.selected}
          onSelect={props.onSelect}
        >
          {label}
        </RadioOption>
      ))}
    </fieldset>
  );
}
