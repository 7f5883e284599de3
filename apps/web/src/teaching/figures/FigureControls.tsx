import { useId } from 'react';

/** A figure's slider: its label (with the value in it) above, updated as the finger moves (figures are cheap to redraw). */
export function RangeControl({ label, value, min, max, step, testId, onChange }: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  testId?: string;
  onChange(value: number): void;
}) {
  const id = useId();
  return (
    <div className="teach-slider">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} data-testid={testId} onChange={(event) => onChange(Number(event.target.value))} />
    </div>
  );
}

/** Two to four choices as a row of toggle buttons (one pressed). */
export function ChoiceControl<T extends string>({ label, value, options, testId, onChange }: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  testId?: string;
  onChange(value: T): void;
}) {
  return (
    <div className="teach-choice" role="group" aria-label={label} data-testid={testId}>
      <span className="teach-choice-label">{label}</span>
      {options.map((option) => (
        <button key={option.value} type="button" className="teach-chip" aria-pressed={option.value === value} data-value={option.value} onClick={() => onChange(option.value)}>
          {option.label}
        </button>
      ))}
    </div>
  );
}
