import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { NeuronRef } from '../../render/heatmapRenderer';
import { useHeatmapRenderer } from '../HeatmapContext';

export interface Point {
  x: number;
  y: number;
}

/** Room kept between the box and the viewport's edges, and between the box and the finger (a fingertip covers about 20 px). */
const MARGIN = 8;
const FINGER_GAP = 28;
/** A scroll of the page by more than this closes it (it stays where it is; the neuron moves away). */
const SCROLL_SLACK = 24;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/**
 * Where (viewport pixels, top left) a box of `box` size goes for a tap at
 * `at`: centred over the finger, above it when there is room, else below it,
 * always inside the viewport (a box larger than the viewport starts at its margin).
 */
export function placePeek(at: Point, box: { width: number; height: number }, viewport: { width: number; height: number }): Point {
  const x = clamp(at.x - box.width / 2, MARGIN, Math.max(MARGIN, viewport.width - MARGIN - box.width));
  const above = at.y - FINGER_GAP - box.height;
  const y = above >= MARGIN ? above : clamp(at.y + FINGER_GAP, MARGIN, Math.max(MARGIN, viewport.height - MARGIN - box.height));
  return { x, y };
}

interface NeuronPeekProps {
  neuron: NeuronRef;
  /** where the finger was, in viewport pixels */
  at: Point;
  label: string;
  onClose(): void;
}

/**
 * A tapped neuron's output, large, where the finger is (a phone: the output
 * heatmap is screens away). Closes on a tap anywhere else, a scroll of the page, or Escape.
 */
export function NeuronPeek({ neuron, at, label, onClose }: NeuronPeekProps) {
  const renderer = useHeatmapRenderer();
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Point | null>(null);
  const { layer, neuron: index } = neuron;
  const attach = useCallback(
    (canvas: HTMLCanvasElement | null) => renderer?.attachPeek({ layer, neuron: index }, canvas),
    [renderer, layer, index],
  );

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const { width, height } = element.getBoundingClientRect();
    // clientWidth: the viewport without a scroll bar
    setPlace(placePeek(at, { width, height }, { width: document.documentElement.clientWidth, height: window.innerHeight }));
  }, [at.x, at.y]);

  useEffect(() => {
    const away = (event: Event): void => {
      if (!(event.target instanceof Node) || !box.current?.contains(event.target)) onClose();
    };
    const escape = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    const openedAt = window.scrollY;
    const scrolled = (): void => {
      if (Math.abs(window.scrollY - openedAt) > SCROLL_SLACK) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    window.addEventListener('scroll', scrolled, { passive: true });
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      window.removeEventListener('scroll', scrolled);
      document.removeEventListener('keydown', escape);
    };
  }, [onClose]);

  return (
    <div
      ref={box}
      className="pg-peek"
      role="dialog"
      aria-label={label}
      data-testid="neuron-peek"
      style={place ? { left: place.x, top: place.y } : { left: 0, top: 0, visibility: 'hidden' }}
    >
      <p className="pg-peek-title">{label}</p>
      <canvas ref={attach} className="pg-peek-canvas" />
    </div>
  );
}
