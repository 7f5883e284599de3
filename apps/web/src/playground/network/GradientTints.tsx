import { gradientHealth } from '@playroom/engine';

/** How far (in powers of ten) a layer's gradients must be from the output layer's before its column is tinted. */
const TINT_FROM_DECADES = 2;

/**
 * A faint wash behind each layer whose gradients are 100× or more below
 * (grey: it barely learns) or above (red: its updates blow up) the output
 * layer's, stronger the further off; a healthy network shows none. The
 * gradient panel says the same in words (issue 12, the gradient view).
 */
export function GradientTints({
  gradientNorms,
  columnX,
  nodeSize,
  height,
}: {
  gradientNorms: readonly number[];
  columnX: readonly number[];
  nodeSize: number;
  height: number;
}) {
  const { layerRatios } = gradientHealth(gradientNorms);
  const pad = nodeSize * 0.25;
  return (
    <>
      {layerRatios.slice(0, -1).map((ratio, i) => {
        if (ratio === null || ratio <= 0) return null;
        const decades = Math.log10(ratio);
        if (Math.abs(decades) < TINT_FROM_DECADES) return null;
        const strength = Math.min(1, (Math.abs(decades) - TINT_FROM_DECADES) / 4);
        return (
          <div
            key={i}
            className={`pg-grad-tint ${decades < 0 ? 'is-faint' : 'is-hot'}`}
            data-testid="gradient-tint"
            data-layer={i + 1}
            aria-hidden="true"
            style={{ left: columnX[i + 1]! - pad, width: nodeSize + 2 * pad, height, opacity: 0.08 + 0.17 * strength }}
          />
        );
      })}
    </>
  );
}
