import { describe, expect, it } from 'vitest';
import { GRADIENT_WARNING_RATIO, gradientHealth } from './gradient-health';
import { findPreset, presetConfig } from './presets';
import { createTrainer } from './trainer';

/** The trainer of preset `id` after `epochs` epochs. */
function trained(id: string, epochs: number) {
  const trainer = createTrainer(presetConfig(findPreset(id)!));
  for (let e = 0; e < epochs; e++) trainer.trainEpoch();
  return trainer;
}

describe('gradientHealth', () => {
  it('compares each layer with the output layer and warns past 1/10,000 either way', () => {
    const vanishing = gradientHealth([2e-6, 1e-3, 0.1]);
    expect(vanishing.trouble).toBe('vanishing');
    expect(vanishing.layerRatios.map((r) => r!.toPrecision(6))).toEqual(['0.0000200000', '0.0100000', '1.00000']);
    expect(vanishing.inputRatio).toBe(vanishing.layerRatios[0]);
    expect(gradientHealth([50, 1, 1e-3]).trouble).toBe('exploding');
    expect(gradientHealth([0.02, 0.05, 0.1]).trouble).toBeNull();
    // just inside the band is no warning
    expect(gradientHealth([1.01 / GRADIENT_WARNING_RATIO, 1]).trouble).toBeNull();
  });

  it('says nothing before training (the output norm is 0) or without a hidden layer', () => {
    expect(gradientHealth([0, 0, 0])).toEqual({ layerRatios: [null, null, null], inputRatio: null, trouble: null });
    expect(gradientHealth([0.3])).toEqual({ layerRatios: [null], inputRatio: null, trouble: null });
    expect(gradientHealth([])).toEqual({ layerRatios: [], inputRatio: null, trouble: null });
  });

  it('finds the vanishing-gradients preset vanishing after 50 epochs, and a healthy tanh network healthy', () => {
    const vanishing = gradientHealth(trained('vanishing-gradients', 50).evaluate().gradientNorms);
    expect(vanishing.trouble).toBe('vanishing');
    expect(vanishing.inputRatio).toBeLessThan(1e-4);
    expect(gradientHealth(trained('xor-tanh', 50).evaluate().gradientNorms).trouble).toBeNull();
  });
});
