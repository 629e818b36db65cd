/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  label: string;
  value: number;
  /** Called with the number in the field after each change. */
  onValue: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
}

/** A labelled number input of a configuration form. */
export function NumberField({ label, value, onValue, min, max, step }: NumberFieldProps) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onValue(Number(e.target.value))}
      />
    </label>
  );
}
