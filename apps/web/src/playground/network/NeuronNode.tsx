import { useCallback } from 'react';
import { useT } from '../../i18n';
import { divergingCss } from '../../render/colorScale';
import type { NeuronRef } from '../../render/heatmapRenderer';
import { useHeatmapRenderer } from '../HeatmapContext';
import type { NodePosition } from './networkLayout';

export interface ParamTarget {
  kind: 'weight' | 'bias';
  layer: number;
  to: number;
  /** source neuron (weights only) */
  from?: number;
  value: number;
  /** where to show the tooltip or editor, in diagram pixels */
  x: number;
  y: number;
}

interface NeuronNodeProps {
  layer: number;
  neuron: number;
  position: NodePosition;
  nodeSize: number;
  bias: number | null;
  focused: boolean;
  label: string;
  /** a mouse over it (desktop: the output shows it) */
  onFocus(ref: NeuronRef | null): void;
  /** a click or a tap, with where it was in viewport pixels */
  onSelect(ref: NeuronRef, at: { x: number; y: number }): void;
  onParamHover(target: ParamTarget | null): void;
  onParamEdit(target: ParamTarget): void;
}

/** A hidden or output neuron: its output heatmap (painted by the renderer) and its bias handle. */
export function NeuronNode({ layer, neuron, position, nodeSize, bias, focused, label, onFocus, onSelect, onParamHover, onParamEdit }: NeuronNodeProps) {
  const t = useT();
  const renderer = useHeatmapRenderer();
  const attach = useCallback(
    (canvas: HTMLCanvasElement | null) => renderer?.attachThumbnail({ layer, neuron }, canvas),
    [renderer, layer, neuron],
  );
  const biasSize = Math.max(8, Math.round(nodeSize / 4));
  const biasTarget = (): ParamTarget => ({
    kind: 'bias',
    layer,
    to: neuron,
    value: bias ?? 0,
    x: position.x,
    y: position.y + nodeSize + 2,
  });
  // The bias is the node's sibling, not its child: Chrome's touch adjustment gives a tap near a child
  // button to the button, so a tap on a small neuron would open the bias instead.
  return (
    <>
      <div
        className={`pg-node pg-neuron${focused ? ' is-focused' : ''}`}
        style={{ left: position.x, top: position.y, width: nodeSize, height: nodeSize }}
        title={t('pg.neuron.tip')}
        onPointerEnter={(event) => event.pointerType === 'mouse' && onFocus({ layer, neuron })}
        onPointerLeave={(event) => event.pointerType === 'mouse' && onFocus(null)}
        onClick={(event) => {
          // a click without a pointer (detail 0, e.g. from a keyboard or a script) is placed at the node's centre
          const rect = event.currentTarget.getBoundingClientRect();
          const at = event.detail === 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: event.clientX, y: event.clientY };
          onSelect({ layer, neuron }, at);
        }}
      >
        <canvas ref={attach} className="pg-node-canvas" role="img" aria-label={label} />
      </div>
      {bias !== null && (
        <button
          type="button"
          className="pg-bias"
          // where `bottom: -5px; left: -5px` put it inside the node's 1px border
          style={{
            left: position.x - 4,
            top: position.y + nodeSize + 4 - biasSize,
            width: biasSize,
            height: biasSize,
            background: divergingCss(bias),
          }}
          aria-label={t('pg.bias.label', { neuron: label })}
          onPointerEnter={() => onParamHover(biasTarget())}
          onPointerLeave={() => onParamHover(null)}
          onFocus={() => onParamHover(biasTarget())}
          onBlur={() => onParamHover(null)}
          onClick={() => onParamEdit(biasTarget())}
        />
      )}
    </>
  );
}
