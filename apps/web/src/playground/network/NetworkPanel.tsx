import { useCallback, useMemo, useRef, useState } from 'react';
import { FEATURE_IDS, FEATURES, LIMITS, parameterLayout, type FeatureId } from '@playroom/engine';
import { translate, useLanguageStore, useT } from '../../i18n';
import { shapeForParams, type NeuronRef } from '../../render/heatmapRenderer';
import { formatParam } from '../common/formatNumbers';
import { InfoTip } from '../common/InfoTip';
import { LockMark } from '../common/LockMark';
import { useElementWidth } from '../common/useElementWidth';
import { addLayerPatch, neuronPatch, removeLayerPatch, toggleFeaturePatch } from '../configEdits';
import { controlState, lessonAccess, type PlaygroundActions, type PlaygroundModel } from '../model';
import { usePhoneLayout } from '../phone/phoneLayout';
import { FeatureNode } from './FeatureNode';
import { GradientTints } from './GradientTints';
import { LinkHits, LinkStrokes, type LinkGeometry } from './LinkLayer';
import { layoutNetwork, linkPath } from './networkLayout';
import { NeuronNode, type ParamTarget } from './NeuronNode';
import { NeuronPeek, type Point } from './NeuronPeek';
import { clampToWidth, ParamEditor } from './ParamEditor';

const HEADER_HEIGHT = 52;
/** Narrow columns (a phone, six layers) stack + over − and show the neuron count as a bare number. */
const COMPACT_HEADER_HEIGHT = 72;
const COMPACT_BELOW_STEP = 76;
const LABEL_WIDTH = 58;

interface NetworkPanelProps {
  model: PlaygroundModel;
  actions: PlaygroundActions;
  focus: NeuronRef | null;
  onFocus(focus: NeuronRef | null): void;
}

/**
 * Features and hidden layers as the playground draws them: nodes with
 * heatmaps, links by weight, +/− everywhere. For a student, what the teacher
 * locked has a padlock, and with the features hidden only the network's own
 * inputs are drawn, without their on/off toggles (LESSON-1).
 */
export function NetworkPanel({ model, actions, focus, onFocus }: NetworkPanelProps) {
  const t = useT();
  const { config, params, readOnly } = model;
  const { shown, locked } = lessonAccess(model);
  const inputIds: readonly FeatureId[] = shown('features') || config.features.length === 0 ? FEATURE_IDS : config.features;
  const container = useRef<HTMLDivElement>(null);
  const width = useElementWidth(container, 640);
  const [hovered, setHovered] = useState<ParamTarget | null>(null);
  const [editing, setEditing] = useState<ParamTarget | null>(null);
  // on a phone a tapped neuron is shown large where the finger is, not in the output panel screens away
  const phone = usePhoneLayout();
  const [peek, setPeek] = useState<{ neuron: NeuronRef; at: Point } | null>(null);
  const closePeek = useCallback(() => setPeek(null), []);
  const selectNeuron = (neuron: NeuronRef, at: Point): void => {
    if (phone) setPeek({ neuron, at });
    else onFocus(focus?.layer === neuron.layer && focus.neuron === neuron.neuron ? null : neuron);
  };
  const shownNeuron = phone ? (peek?.neuron ?? null) : focus;
  // a phone has no hover: Chrome's emulated mouse after a tap would otherwise focus whatever ends up under it
  const hoverFocus = useCallback((neuron: NeuronRef | null) => !phone && onFocus(neuron), [phone, onFocus]);

  // The parameters may still be the old network's for a moment after a shape change.
  const shape = shapeForParams(config, params.length);
  const hidden = config.hiddenLayers;
  const outputs = shape ? shape.layerSizes[shape.layerSizes.length - 1]! : 1;
  const layerSizes = useMemo(() => [config.features.length, ...hidden, outputs], [config.features, hidden, outputs]);
  const { layout, compact } = useMemo(() => {
    const input = { width, columnSizes: [inputIds.length, ...hidden, outputs], labelWidth: LABEL_WIDTH };
    // The column step does not depend on the header height: measure it first, then pick the header.
    const probe = layoutNetwork({ ...input, headerHeight: HEADER_HEIGHT });
    const narrow = probe.columnX.length > 1 && probe.columnX[1]! - probe.columnX[0]! < COMPACT_BELOW_STEP;
    return {
      layout: narrow ? layoutNetwork({ ...input, headerHeight: COMPACT_HEADER_HEIGHT }) : probe,
      compact: narrow,
    };
  }, [width, inputIds.length, hidden, outputs]);
  const index = useMemo(() => parameterLayout(layerSizes), [layerSizes]);
  const links = useMemo(() => {
    if (!shape) return [];
    const result: LinkGeometry[] = [];
    const inputRow = config.features.map((id) => inputIds.indexOf(id));
    for (let l = 1; l < layerSizes.length; l++) {
      for (let to = 0; to < layerSizes[l]!; to++) {
        for (let from = 0; from < layerSizes[l - 1]!; from++) {
          const source = layout.nodes[l - 1]![l === 1 ? inputRow[from]! : from]!;
          const target = layout.nodes[l]![to]!;
          result.push({
            key: `${l}:${to}:${from}`,
            path: linkPath(source, target, layout.nodeSize),
            layer: l,
            to,
            from,
            index: index.weight(l, to, from),
            x: (source.x + layout.nodeSize + target.x) / 2,
            y: (source.y + target.y + layout.nodeSize) / 2,
          });
        }
      }
    }
    return result;
    // `shape` is derived from these; listing it would rebuild the links every snapshot.
  }, [layout, layerSizes, index, config.features, inputIds, shape !== null]);

  // The link handlers read the weights through a ref, so the hit layer never re-renders for new weights.
  const paramsRef = useRef(params);
  paramsRef.current = params;
  // Where the editor was opened from (a link or a bias, by keyboard or pointer): focus goes back there when it closes.
  const opener = useRef<HTMLElement | SVGElement | null>(null);
  const edit = useCallback(
    (target: ParamTarget): void => {
      setHovered(readOnly ? target : null);
      if (readOnly) return;
      const focused = document.activeElement;
      opener.current = focused instanceof HTMLElement || focused instanceof SVGElement ? focused : null;
      setEditing(target);
    },
    [readOnly],
  );
  const closeEditor = (): void => {
    setEditing(null);
    opener.current?.focus();
    opener.current = null;
  };
  const linkTarget = (link: LinkGeometry): ParamTarget => ({
    kind: 'weight',
    layer: link.layer,
    to: link.to,
    from: link.from,
    value: paramsRef.current[link.index] ?? 0,
    x: link.x,
    y: link.y,
  });
  // Names for screen readers. Built from the language, not from `t` (a new function every render), so the links' hit layer stays memoized.
  const language = useLanguageStore((s) => s.language);
  const neuronName = useCallback(
    (layer: number, neuron: number): string => {
      if (layer === 0) return FEATURES[config.features[neuron]!]?.label ?? '';
      if (layer < layerSizes.length - 1) return translate(language, 'pg.neuron.name', { layer, neuron: neuron + 1 });
      return layerSizes[layer] === 1 ? translate(language, 'pg.output.name') : translate(language, 'pg.output.nameN', { n: neuron + 1 });
    },
    [language, config.features, layerSizes],
  );
  const linkLabel = useCallback(
    (link: LinkGeometry) =>
      translate(language, 'pg.link.label', { from: neuronName(link.layer - 1, link.from), to: neuronName(link.layer, link.to) }),
    [language, neuronName],
  );
  const hoverLink = useCallback((link: LinkGeometry | null) => setHovered(link && linkTarget(link)), []);
  const editLink = useCallback((link: LinkGeometry) => edit(linkTarget(link)), [edit]);
  const apply = (target: ParamTarget, value: number): void => {
    if (target.kind === 'weight') actions.setWeight(target.layer, target.to, target.from!, value);
    else actions.setBias(target.layer, target.to, value);
    closeEditor();
  };
  // The tooltip follows the weights as they train (and shows an edit at once), not the value when it opened.
  const liveValue = (target: ParamTarget): number => {
    if (!shape) return target.value;
    const at = target.kind === 'weight' ? index.weight(target.layer, target.to, target.from!) : index.bias(target.layer, target.to);
    return params[at] ?? target.value;
  };
  const toggleFeature = (feature: FeatureId): void => {
    const patch = toggleFeaturePatch(config, feature);
    if (patch) actions.setConfig(patch);
  };
  const hoverFeature = (feature: FeatureId | null): void => {
    const input = feature === null ? -1 : config.features.indexOf(feature);
    hoverFocus(input >= 0 ? { layer: 0, neuron: input } : null);
  };
  const send = (patch: Partial<typeof config> | null): void => {
    if (patch) actions.setConfig(patch);
  };

  return (
    <section className="pg-panel pg-network" aria-label={t('pg.network')}>
      <header className="pg-network-header">
        <div className="pg-panel-title pg-features-title" data-locked={locked('features') || undefined}>
          <h2>{t('pg.features')}</h2>
          {shown('features') && (
            <p className="pg-question">
              {t('pg.features.question')}
              {locked('features') && <LockMark />}
            </p>
          )}
        </div>
        <div className="pg-layers-control" data-locked={locked('hiddenLayers') || undefined}>
          {shown('hiddenLayers') && (
            <>
              <button
                type="button"
                className="pg-plusminus"
                onClick={() => send(addLayerPatch(config))}
                data-testid="add-layer"
                disabled={readOnly || locked('hiddenLayers') || hidden.length >= LIMITS.maxHiddenLayers}
                aria-label={t('pg.addLayer')}
              >
                +
              </button>
              <button
                type="button"
                className="pg-plusminus"
                onClick={() => send(removeLayerPatch(config))}
                data-testid="remove-layer"
                disabled={readOnly || locked('hiddenLayers') || hidden.length === 0}
                aria-label={t('pg.removeLayer')}
              >
                −
              </button>
            </>
          )}
          <h2 className="pg-layers-count" data-testid="hidden-layer-count" data-count={hidden.length}>
            {hidden.length === 1 ? t('pg.hiddenLayers.one') : t('pg.hiddenLayers', { count: hidden.length })}
          </h2>
          <InfoTip text={t('pg.hiddenLayers.tip')} />
          {locked('hiddenLayers') && <LockMark />}
        </div>
      </header>
      <div className="pg-diagram-scroll" ref={container}>
        <div className="pg-diagram" style={{ width: layout.width, height: layout.height }}>
          <GradientTints gradientNorms={model.metrics.gradientNorms} columnX={layout.columnX} nodeSize={layout.nodeSize} height={layout.height} />
          <LinkStrokes width={layout.width} height={layout.height} links={links} params={params} />
          <LinkHits
            width={layout.width}
            height={layout.height}
            links={links}
            labelOf={linkLabel}
            groupLabel={t('pg.links.group')}
            onHover={hoverLink}
            onEdit={editLink}
          />
          {hidden.map((size, i) => (
            <div
              key={`header-${i}`}
              className={`pg-layer-header${compact ? ' is-compact' : ''}`}
              style={{ left: layout.columnX[i + 1]! + layout.nodeSize / 2 }}
            >
              {shown('neurons') && (
                <div className="pg-layer-buttons">
                  <button
                    type="button"
                    className="pg-plusminus pg-plusminus-small"
                    onClick={() => send(neuronPatch(config, i, 1))}
                    data-testid={`add-neuron-${i + 1}`}
                    disabled={readOnly || locked('neurons') || size >= LIMITS.maxNeurons}
                    aria-label={t('pg.addNeuron', { layer: i + 1 })}
                  >
                    +
                  </button>
                  <button
                    type="button"
                    className="pg-plusminus pg-plusminus-small"
                    onClick={() => send(neuronPatch(config, i, -1))}
                    disabled={readOnly || locked('neurons') || size <= LIMITS.minNeurons}
                    aria-label={t('pg.removeNeuron', { layer: i + 1 })}
                  >
                    −
                  </button>
                </div>
              )}
              <span className="pg-layer-size" title={size === 1 ? t('pg.neurons.one') : t('pg.neurons', { count: size })}>
                {compact ? size : size === 1 ? t('pg.neurons.one') : t('pg.neurons', { count: size })}
                {locked('neurons') && <LockMark />}
              </span>
            </div>
          ))}
          {inputIds.map((feature, row) => (
            <FeatureNode
              key={feature}
              feature={feature}
              active={config.features.includes(feature)}
              locked={config.features.length === 1}
              lesson={controlState(model, 'features')}
              disabled={readOnly}
              position={layout.nodes[0]![row]!}
              nodeSize={layout.nodeSize}
              onToggle={toggleFeature}
              onHover={hoverFeature}
            />
          ))}
          {layerSizes.slice(1).map((size, i) =>
            Array.from({ length: size }, (_, neuron) => {
              const layer = i + 1;
              return (
                <NeuronNode
                  key={`${layer}:${neuron}`}
                  layer={layer}
                  neuron={neuron}
                  position={layout.nodes[layer]![neuron]!}
                  nodeSize={layout.nodeSize}
                  bias={shape ? (params[index.bias(layer, neuron)] ?? 0) : null}
                  focused={shownNeuron?.layer === layer && shownNeuron.neuron === neuron}
                  label={neuronName(layer, neuron)}
                  onFocus={hoverFocus}
                  onSelect={selectNeuron}
                  onParamHover={setHovered}
                  onParamEdit={edit}
                />
              );
            }),
          )}
          {hovered && !editing && (
            <div
              className="pg-param-tip"
              role="tooltip"
              style={{ left: clampToWidth(hovered.x, layout.width, 90), top: hovered.y }}
            >
              {t(hovered.kind === 'weight' ? 'pg.weight.value' : 'pg.bias.value', { value: formatParam(liveValue(hovered)) })}
              {!readOnly && <> {t('pg.param.edit')}</>}
            </div>
          )}
          {editing && (
            <ParamEditor target={editing} bounds={layout} onApply={apply} onCancel={closeEditor} />
          )}
        </div>
      </div>
      <p className="pg-caption">{t('pg.links.tip')}</p>
      {phone && peek && <NeuronPeek neuron={peek.neuron} at={peek.at} label={neuronName(peek.neuron.layer, peek.neuron.neuron)} onClose={closePeek} />}
    </section>
  );
}
