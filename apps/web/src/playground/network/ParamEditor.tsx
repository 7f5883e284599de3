import { useState } from 'react';
import { useT } from '../../i18n';
import { formatParam } from '../common/formatNumbers';
import type { ParamTarget } from './NeuronNode';

interface ParamEditorProps {
  target: ParamTarget;
  onApply(target: ParamTarget, value: number): void;
  onCancel(): void;
}

/** A small form over the diagram to type a new weight or bias. */
export function ParamEditor({ target, onApply, onCancel }: ParamEditorProps) {
  const t = useT();
  const [text, setText] = useState(formatParam(target.value));
  const [invalid, setInvalid] = useState(false);
  const label = target.kind === 'weight' ? t('pg.weight') : t('pg.bias');
  return (
    <form
      className="pg-param-editor"
      style={{ left: target.x, top: target.y }}
      onSubmit={(event) => {
        event.preventDefault();
        const value = Number(text.trim().replace(',', '.'));
        if (text.trim() === '' || !Number.isFinite(value)) {
          setInvalid(true);
          return;
        }
        onApply(target, value);
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label>
        <span className="pg-field-label">{label}</span>
        <input
          type="text"
          inputMode="decimal"
          autoFocus
          value={text}
          aria-invalid={invalid}
          onChange={(event) => {
            setText(event.target.value);
            setInvalid(false);
          }}
        />
      </label>
      {invalid && <span className="pg-param-invalid">{t('pg.param.invalid')}</span>}
      <div className="pg-param-buttons">
        <button type="submit">{t('pg.param.apply')}</button>
        <button type="button" onClick={onCancel}>
          {t('pg.param.cancel')}
        </button>
      </div>
    </form>
  );
}
