/**
 * Bar lengths on a log scale, so a gradient of 1e-5 and one of 1 both show:
 * vanishing gradients are differences of orders of magnitude, not of percent.
 */

export const LOG_BAR_MIN = 1e-6;
export const LOG_BAR_MAX = 10;

/** The bar's length as a fraction 0…1 of the full width; 0 for zero, negative or non-finite values. */
export function logBarFraction(value: number, min = LOG_BAR_MIN, max = LOG_BAR_MAX): number {
  if (!(value > 0) || !Number.isFinite(value)) return 0;
  const fraction = (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
  return Math.max(0, Math.min(1, fraction));
}

/** A short label for a magnitude: 0.012, 3.4e-5, 2.1. */
export function formatMagnitude(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  return value >= 0.01 && value < 1000 ? Number(value.toPrecision(2)).toString() : value.toExponential(1);
}
