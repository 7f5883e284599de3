import { useEffect, useId, useState } from 'react';
import { InfoTip } from './InfoTip';
import { LockMark } from './LockMark';

interface SliderFieldProps {
  /** the label with the current value filled in */
  label: (value: number) => string;
  tip?: string;
  value: number;
  min: number;
  max: number;
  step: number;
  disabled?: boolean;
  /** the teacher locked it for the lesson: disabled, with a padlock that says so */
  locked?: boolean;
  /** a stable handle for browser tests (labels change with the language) */
  testId?: string;
  onChange(value: number): void;
}

/**
 * A range slider that follows the finger locally and sends the value when it
 * is let go: a drag would otherwise send a command (and regenerate data) per pixel.
 */
export function SliderField({ label, tip, value, min, max, step, disabled, locked, testId, onChange }: SliderFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = (next: number): void => {
    if (next !== value) onChange(next);
  };
  return (
    <div className="pg-slider" data-locked={locked || undefined}>
      <div className="pg-field-label">
        <label htmlFor={id}>{label(draft)}</label>
        {tip && <InfoTip text={tip} />}
        {locked && <LockMark />}
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={draft}
        data-testid={testId}
        disabled={disabled || locked}
        onChange={(event) => setDraft(Number(event.target.value))}
        onPointerUp={(event) => commit(Number((event.target as HTMLInputElement).value))}
        onKeyUp={(event) => commit(Number((event.target as HTMLInputElement).value))}
        onBlur={(event) => commit(Number(event.target.value))}
      />
    </div>
  );
}
