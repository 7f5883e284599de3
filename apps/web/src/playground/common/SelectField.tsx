import { useId } from 'react';
import { InfoTip } from './InfoTip';
import { LockMark } from './LockMark';

export interface SelectOption<T extends string | number> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string | number> {
  label: string;
  tip?: string;
  value: T;
  options: readonly SelectOption<T>[];
  disabled?: boolean;
  /** the teacher locked it for the lesson: disabled, with a padlock that says so */
  locked?: boolean;
  /** a stable handle for browser tests (labels change with the language) */
  testId?: string;
  onChange(value: T): void;
}

/** A labelled native <select> (the phone's own picker is the best touch UI there is). */
export function SelectField<T extends string | number>({ label, tip, value, options, disabled, locked, testId, onChange }: SelectFieldProps<T>) {
  const id = useId();
  const index = options.findIndex((o) => o.value === value);
  return (
    <div className="pg-field" data-locked={locked || undefined}>
      <div className="pg-field-label">
        <label htmlFor={id}>{label}</label>
        {tip && <InfoTip text={tip} />}
        {locked && <LockMark />}
      </div>
      <select
        id={id}
        className="pg-select"
        data-testid={testId}
        value={String(index)}
        disabled={disabled || locked}
        onChange={(event) => {
          const option = options[Number(event.target.value)];
          if (option) onChange(option.value);
        }}
      >
        {options.map((option, i) => (
          <option key={String(option.value)} value={String(i)}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
