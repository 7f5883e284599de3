import { SelectField } from '../common/SelectField';
import { menuWith } from './hyperParameterMenus';

interface NumberMenuFieldProps {
  label: string;
  tip: string;
  /** a stable handle for browser tests (labels change with the language) */
  testId?: string;
  /** the values offered; the current one is added if a preset or an older session uses one off the menu */
  menu: readonly number[];
  value: number;
  format(value: number): string;
  disabled: boolean;
  /** the teacher locked it for the lesson */
  locked?: boolean;
  onChange(value: number): void;
}

/** A numeric setting picked from a fixed menu of values, each shown through `format`. */
export function NumberMenuField({ label, tip, testId, menu, value, format, disabled, locked, onChange }: NumberMenuFieldProps) {
  return (
    <SelectField
      label={label}
      testId={testId}
      tip={tip}
      value={value}
      options={menuWith(menu, value).map((v) => ({ value: v, label: format(v) }))}
      disabled={disabled}
      locked={locked}
      onChange={onChange}
    />
  );
}
