/**
 * The values offered for a schedule's and an optimizer's coefficients, as
 * menus like the playground's learning rates: a tap on a phone, never a
 * typed number that could fall outside the engine's LIMITS (a test checks
 * every value against `validateConfig`).
 */

/** exponential decay: the rate is multiplied by this once per period, in (0, 1] */
export const DECAY_RATES = [0.1, 0.2, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99] as const;
/** exponential decay: epochs per period, ≥ 1 */
export const DECAY_PERIODS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;
/** reduce on plateau: the rate is multiplied by this, in (0, 1) */
export const PLATEAU_FACTORS = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9] as const;
/** reduce on plateau: epochs without improvement before a reduction, ≥ 1 */
export const PATIENCES = [5, 10, 20, 50, 100, 200, 500] as const;
/** momentum coefficient, in [0, 1) */
export const MOMENTUMS = [0, 0.5, 0.8, 0.9, 0.95, 0.99] as const;
/** Adam's β1, in [0, 1) */
export const BETA1S = [0, 0.5, 0.8, 0.9, 0.95, 0.99] as const;
/** Adam's β2, in [0, 1) */
export const BETA2S = [0.9, 0.99, 0.999, 0.9999] as const;

/** A menu of numbers that always contains the current value (a preset or an older session may use one off the menu). */
export function menuWith(values: readonly number[], current: number): number[] {
  return values.includes(current) ? [...values] : [...values, current].sort((a, b) => a - b);
}
