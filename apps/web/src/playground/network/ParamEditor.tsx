import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { formatParam } from '../common/formatNumbers';
import type { ParamTarget } from './NeuronNode';

interface ParamEditorProps {
  target: ParamTarget;
  /** the diagram's size: the form stays inside it (it scrolls, so overflow would be clipped) */
  bounds: { width: number; height: number };
  onApply(target: ParamTarget, value: number): void;
  onCancel(): void;
}

const EDITOR_HALF_WIDTH = 80;
const EDITOR_HEIGHT = 120;

/** Keeps a box centred on `x` inside [0, width]. */
export function clampToWidth(x: number, width: number, half = EDITOR_HALF_WIDTH): number {
  return Math.max(half, Math.min(width - half, x));
}

/** A small form over the diagram to type a new weight or bias. */
export function ParamEditor({ target, bounds, onApply, onCancel }: ParamEditorProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(formatParam(target.value));
  const [invalid, setInvalid] = useState(false);
  const label = target.kind === 'weight' ? t('pg.weight') : t('pg.bias');
  return (
    <form
      className={`pg-param-editor${target.y + EDITOR_HEIGHT > bounds.height ? ' is-above' : ''}`}
      style={{ left: clampToWidth(target.x, bounds.width), top: target.y }}
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
      <label className="pg-field-label" htmlFor={id}>
        {label}
      </label>
      <div className="pg-param-input">
        <input
          id={id}
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
        {/* phone decimal keypads often have no minus key */}
        <button
          type="button"
          aria-label="±"
          onClick={() => setText((current) => (current.trim().startsWith('-') ? current.trim().slice(1) : `-${current.trim()}`))}
        >
          ±
        </button>
      </div>
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
