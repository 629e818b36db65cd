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
